import * as decoding from 'lib0/decoding'
import type { Logger } from 'pino'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { canWrite, CloseCode } from '@sparboard/protocol'
import type { Store, StoredBoard } from '../store/Store.js'
import type { Metrics } from '../metrics.js'
import type { BoardConnection } from './BoardConnection.js'
import { readAwarenessClients } from './readAwarenessClients.js'
import {
  awarenessMessage,
  MessageType,
  SyncType,
  syncStep1,
  syncStep2,
  updateMessage,
} from './messages.js'

/** Limits of one room; see SPEC.md for the rules they serve. */
export interface RoomLimits {
  readonly maxBoardBytes: number
  readonly maxAwarenessBytes: number
  readonly compactAfterRows: number
  readonly compactAfterBytes: number
}

/** What a room needs from the hub around it. */
export interface RoomContext {
  readonly store: Store
  readonly limits: RoomLimits
  readonly metrics: Metrics
  readonly log: Logger
  /** Called once the room has flushed, compacted and freed its document. */
  readonly onUnloaded: () => void
}

interface Pending {
  readonly update: Uint8Array
  readonly from: BoardConnection
}

/** One open board: its Y.Doc, its awareness, its connections and its write-ahead queue. */
export class BoardRoom {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly connections = new Set<BoardConnection>()
  private pending: Pending[] = []
  private flushing: Promise<void> | null = null
  private storedBytes: number
  private logRows: number
  private logBytes: number
  /** Set once the last client left; the hub then waits for `unloaded` before reopening. */
  closing = false
  unloaded: Promise<void> | null = null

  private readonly store: Store
  private readonly limits: RoomLimits
  private readonly metrics: Metrics
  private readonly log: Logger

  private constructor(
    readonly boardId: string,
    private readonly context: RoomContext,
    stored: StoredBoard,
  ) {
    ;({ store: this.store, limits: this.limits, metrics: this.metrics, log: this.log } = context)
    this.awareness.setLocalState(null)
    this.doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(this.doc, update)
    }, 'store')
    this.storedBytes = stored.updates.reduce((n, u) => n + u.byteLength, 0)
    this.logRows = stored.logRows
    this.logBytes = stored.logBytes
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.relay(update, origin))
    this.awareness.on('update', this.relayAwareness)
  }

  /** Loads a board from the store ([H2]: before any client is answered). */
  static async load(boardId: string, context: RoomContext): Promise<BoardRoom> {
    const stored = await context.store.loadBoard(boardId)
    return new BoardRoom(boardId, context, stored)
  }

  get size(): number {
    return this.connections.size
  }

  /** Adds a connection and opens the sync handshake; false when the room is already closing. */
  join(conn: BoardConnection): boolean {
    if (this.closing) return false
    this.connections.add(conn)
    conn.send(syncStep1(this.doc))
    const others = [...this.awareness.getStates().keys()]
    if (others.length > 0) conn.send(awarenessMessage(this.awareness, others))
    return true
  }

  /** Handles one frame from a connection; a bad frame closes only that connection ([H7]). */
  receive(conn: BoardConnection, data: Uint8Array): void {
    if (!this.connections.has(conn) || !conn.isOpen) return
    try {
      this.dispatch(conn, data)
    } catch (err) {
      this.metrics.rejected.inc({ reason: 'malformed' })
      this.log.debug({ err, board: this.boardId }, 'malformed message')
      conn.close(CloseCode.badMessage, 'malformed message')
    }
  }

  private dispatch(conn: BoardConnection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder)
        if (syncType === SyncType.step1) {
          conn.send(syncStep2(this.doc, decoding.readVarUint8Array(decoder)))
        } else if (syncType === SyncType.step2 || syncType === SyncType.update) {
          this.acceptUpdate(conn, decoding.readVarUint8Array(decoder))
        } else {
          throw new Error(`unknown sync message ${syncType}`)
        }
        return
      }
      case MessageType.awareness:
        this.acceptAwareness(conn, decoding.readVarUint8Array(decoder))
        return
      case MessageType.queryAwareness:
        conn.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]))
        return
      case MessageType.auth:
        return
      default:
        throw new Error(`unknown message type ${type}`)
    }
  }

  private acceptUpdate(conn: BoardConnection, update: Uint8Array): void {
    if (!canWrite(conn.role)) {
      // [H5] an observer's writes are dropped, never applied or stored
      this.metrics.rejected.inc({ reason: 'read_only' })
      return
    }
    // [H6] decode fully before anything else; a malformed update throws here
    Y.decodeUpdate(update)
    if (this.storedBytes + update.byteLength > this.limits.maxBoardBytes) {
      this.metrics.rejected.inc({ reason: 'board_too_large' })
      conn.close(CloseCode.tooLarge, 'board size limit')
      return
    }
    this.metrics.updatesIn.inc()
    this.storedBytes += update.byteLength
    this.pending.push({ update, from: conn })
    this.flushing ??= this.flush().finally(() => {
      this.flushing = null
    })
  }

  /** [H3] appends each batch to the store, then applies it (which relays it). */
  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending
      this.pending = []
      const stop = this.metrics.appendSeconds.startTimer()
      try {
        await this.store.appendUpdates(
          this.boardId,
          batch.map((p) => p.update),
        )
      } catch (err) {
        // Not stored, so not applied: the senders reconnect and resend through the sync handshake.
        this.log.error({ err, board: this.boardId }, 'store append failed')
        for (const p of batch) p.from.close(CloseCode.internalError, 'store unavailable')
        continue
      } finally {
        stop()
      }
      for (const p of batch) {
        Y.applyUpdate(this.doc, p.update, p.from)
        this.logRows++
        this.logBytes += p.update.byteLength
      }
      if (
        this.logRows >= this.limits.compactAfterRows ||
        this.logBytes >= this.limits.compactAfterBytes
      ) {
        await this.compact()
      }
    }
  }

  /** [H4] folds the log into one snapshot of the live document. */
  private async compact(): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(this.doc)
    await this.store.compactBoard(this.boardId, snapshot)
    this.storedBytes = snapshot.byteLength
    this.logRows = 0
    this.logBytes = 0
  }

  private relay(update: Uint8Array, origin: unknown): void {
    const message = updateMessage(update)
    for (const conn of this.connections) {
      if (conn !== origin) {
        conn.send(message)
        this.metrics.updatesOut.inc()
      }
    }
  }

  private acceptAwareness(conn: BoardConnection, update: Uint8Array): void {
    if (update.byteLength > this.limits.maxAwarenessBytes) {
      this.metrics.rejected.inc({ reason: 'awareness_too_large' })
      conn.close(CloseCode.tooLarge, 'awareness state too large')
      return
    }
    const clients = readAwarenessClients(update)
    for (const client of clients) {
      conn.awarenessClient ??= client
      if (client !== conn.awarenessClient) {
        // [H9] one awareness client per connection: no speaking for another user's cursor
        this.metrics.rejected.inc({ reason: 'awareness_spoof' })
        conn.close(CloseCode.badMessage, 'awareness client mismatch')
        return
      }
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn)
  }

  private readonly relayAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    const message = awarenessMessage(this.awareness, changed)
    // Echoed to the sender too: the stock client's 30 s watchdog needs to hear something.
    for (const conn of this.connections) conn.send(message)
  }

  /** Removes a connection and its cursor; the last one out starts the unload ([H10]). */
  leave(conn: BoardConnection): void {
    if (!this.connections.delete(conn)) return
    if (conn.awarenessClient !== null) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [conn.awarenessClient], conn)
    }
    if (this.connections.size === 0) this.unload()
  }

  /** Flushes, compacts and frees the room; resolves when the store has everything. */
  unload(): Promise<void> {
    this.closing = true
    this.unloaded ??= (async () => {
      for (const conn of this.connections) conn.close(CloseCode.goingAway, 'server shutting down')
      this.connections.clear()
      while (this.flushing) await this.flushing
      try {
        if (this.logRows > 0) await this.compact()
      } catch (err) {
        this.log.error({ err, board: this.boardId }, 'compaction on unload failed; the log is kept')
      }
      this.awareness.destroy()
      this.doc.destroy()
      this.context.onUnloaded()
    })()
    return this.unloaded
  }
}
