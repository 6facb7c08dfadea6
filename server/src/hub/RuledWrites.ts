import * as Y from 'yjs'
import type { BoardConnection } from './BoardConnection.js'
import type { ContentRule, RoomWrites, RuledWrite } from './ContentRule.js'
import { ServerPeer } from './ServerPeer.js'

/** Origin of the rule's own undoing (its observers see it and leave it alone). */
const ruleOrigin = Symbol('content rule')

type Decoded = { readonly structs: readonly { readonly id: { readonly client: number } }[] }

/**
 * [H21] A room's writes under a content rule. While a connection's update is integrated, the rule
 * may undo part of it; then what Yjs emitted leaves as one merged update, relayed to every
 * connection (its author too, whose document must lose the same), so no peer ever sees the
 * refused part alone.
 */
export class RuledWrites implements RoomWrites {
  private current: (RuledWrite & { readonly conn: BoardConnection }) | null = null
  private captured: Uint8Array[] | null = null
  private undone = false
  /** [H26] Why the rule refused the last write, or null. */
  refused: string | null = null
  private readonly stop: () => void

  constructor(
    private readonly doc: Y.Doc,
    roomId: string,
    rule: ContentRule,
  ) {
    this.stop = rule.watch(roomId, doc, this)
  }

  writerOf(origin: unknown): RuledWrite | null {
    return this.current && origin === this.current.conn ? this.current : null
  }

  undo(change: () => void): void {
    this.undone = true
    this.doc.transact(change, ruleOrigin)
  }

  refuse(why: string): void {
    this.refused ??= why
  }

  /** Takes an update the document emitted; true when it belongs to the write being integrated. */
  capture(update: Uint8Array): boolean {
    if (!this.captured) return false
    this.captured.push(update)
    return true
  }

  /**
   * Integrates a connection's update and hands `queue` what Yjs emitted: as it came, or, when the
   * rule undid part of it, merged into one update for everyone (origin null).
   */
  apply(
    conn: BoardConnection,
    update: Uint8Array,
    decoded: Decoded,
    queue: (update: Uint8Array, origin: BoardConnection | null) => void,
  ): void {
    let clients: Set<number> | null = null
    this.current = {
      conn,
      writer: {
        workshopId: conn.workshopId,
        role: conn.role,
        participantId: conn.participantId,
        server: conn.socket instanceof ServerPeer,
      },
      carries: (client) =>
        (clients ??= new Set(decoded.structs.map((s) => s.id.client))).has(client),
    }
    const captured: Uint8Array[] = (this.captured = [])
    this.undone = false
    this.refused = null
    try {
      Y.applyUpdate(this.doc, update, conn)
    } finally {
      const undone = this.undone
      this.current = null
      this.captured = null
      this.undone = false
      // [H3] still what Yjs integrated, stored before any relay; Yjs may have thrown part-way ([H6])
      if (undone) queue(Y.mergeUpdates(captured), null)
      else for (const u of captured) queue(u, conn)
    }
  }

  close(): void {
    this.stop()
  }
}
