import type { Role } from '@sparboard/protocol'
import type * as Y from 'yjs'

/** Who a connection writes as, from its token ([H11], [H19]). */
export interface Writer {
  readonly workshopId: string
  readonly role: Role
  /** The participant of a personal token; null for a link's token. */
  readonly participantId: string | null
  /** [H20] The server's own change (`changeBoard`), which writes what only the server may. */
  readonly server?: boolean
}

/** A connection's update that Yjs is integrating now. */
export interface RuledWrite {
  readonly writer: Writer
  /**
   * Whether the update itself carries structs of this Yjs client. A struct of another client that
   * integrates now had been held back by Yjs (it waited for this update) and is not this writer's.
   */
  carries(client: number): boolean
}

/** What a content rule gets of a room. */
export interface RoomWrites {
  /** The connection's write being integrated in a transaction of this origin, or null (the server's own, the store's, another node's). */
  writerOf(origin: unknown): RuledWrite | null
  /**
   * Undoes part of the write being integrated (call it from an observer). The write and its
   * undoing are then stored and relayed as one update, to every connection, its author too.
   */
  undo(change: () => void): void
  /**
   * [H26] Refuses the write being integrated: what the rule undid of it stays undone, and its
   * connection is closed with 4400 once the update is stored.
   */
  refuse(why: string): void
}

/**
 * [H21] A rule on what a connection may change in a board's content, injected by the server: the
 * hub knows nothing of votes or sessions. It observes a room's document and undoes what breaks it.
 */
export interface ContentRule {
  /** Runs before a connection joins, so that the rule can answer without waiting. */
  prepare(workshopId: string): Promise<void>
  /** Starts watching one room's document; returns how to stop. */
  watch(roomId: string, doc: Y.Doc, writes: RoomWrites): () => void
}

/**
 * Several rules as one: each prepares and watches in turn (e.g. the board's schema [H26], then
 * the votes [H21]).
 */
export function allRules(...rules: readonly ContentRule[]): ContentRule {
  return {
    prepare: async (workshopId) => {
      for (const rule of rules) await rule.prepare(workshopId)
    },
    watch(roomId, doc, writes) {
      const stops = rules.map((rule) => rule.watch(roomId, doc, writes))
      return () => {
        for (const stop of stops) stop()
      }
    },
  }
}
