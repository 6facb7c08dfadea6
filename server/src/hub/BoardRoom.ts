import * as decoding from 'lib0/decoding'
import type { Logger } from 'pino'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { canWrite, CloseCode } from '@sparboard/protocol'
import type { BoardLog, BoardLogSource } from './BoardLog.js'
import type { Metrics } from '../metrics.js'
import type { BoardConnection } from './BoardConnection.js'
import type { ContentRule } from './ContentRule.js'
import { RuledWrites } from './RuledWrites.js'
import {
  encodeAwarenessEntries,
  readAwarenessEntries,
  type AwarenessEntry,
} from './readAwarenessClients.js'
import { WriteAheadQueue, type Written } from './WriteAheadQueue.js'
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
  /** Opens the board's log: the store on one node, Redis and PostgreSQL in scale-out mode. */
  readonly boardLogs: BoardLogSource
  readonly limits: RoomLimits
  readonly metrics: Metrics
  readonly log: Logger
  /** Called once the room has flushed, compacted and freed its document. */
  readonly onUnloaded: () => void
  /** [H21] What connections may change in the content; the rest is undone. */
  readonly contentRule?: ContentRule
}

const fromStore = Symbol('store')
/** Origin of updates and awareness that other nodes stored or sent (scale-out mode). */
const fromRemote = 'redis'

/** One open board: its Y.Doc, its awareness, its connections and its write-ahead queue. */
export class BoardRoom {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly connections = new Set<BoardConnection>()
  /** Which connection speaks for each awareness client id ([H9]). */
  private readonly awarenessOwners = new Map<number, BoardConnection>()
  private readonly queue: WriteAheadQueue
  private readonly ruled: RuledWrites | null
  private boardBytes: number
  private receivedAt = 0
  /** Set once the last client left; the hub then waits for `unloaded` before reopening. */
  closing = false
  unloaded: Promise<void> | null = null

  private constructor(
    readonly boardId: string,
    private readonly context: RoomContext,
    private readonly boardLog: BoardLog,
  ) {
    const stored = boardLog.stored
    this.awareness.setLocalState(null)
    // Only rows written before [H6] existed can fail to apply; skipping one beats losing the board.
    this.applyAll(stored.updates, fromStore)
    this.boardBytes = stored.updates.reduce((n, u) => n + u.byteLength, 0)
    this.queue = new WriteAheadQueue({
      boardId,
      boardLog,
      metrics: context.metrics,
      log: context.log,
      logRows: stored.logRows,
      logBytes: stored.logBytes,
      shouldCompact: (rows, bytes) =>
        rows >= context.limits.compactAfterRows || bytes >= context.limits.compactAfterBytes,
      snapshot: () => Y.encodeStateAsUpdate(this.doc),
      onStored: (batch) => this.relay(batch),
    })
    // Watching starts after the stored history is in: the rule judges writes, not the past.
    this.ruled = context.contentRule
      ? new RuledWrites(this.doc, boardId, context.contentRule)
      : null
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === fromStore) return
      if (origin === fromRemote) return this.relayRemote(update)
      if (this.ruled?.capture(update)) return
      // [H3] what Yjs integrated is queued for the store; peers get it once it is stored
      this.queue.push(update, origin, this.receivedAt || performance.now())
    })
    this.awareness.on('update', this.relayAwareness)
    boardLog.follow({
      updates: (updates) => this.applyAll(updates, fromRemote),
      awareness: (update) =>
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, fromRemote),
      localAwareness: () => {
        const own = [...this.awarenessOwners.keys()]
        return own.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, own) : null
      },
      gone: () => {
        for (const conn of this.connections) conn.close(CloseCode.unknownBoard, 'board deleted')
      },
    })
  }

  /**
   * Applies stored updates in one transaction, skipping any that Yjs refuses. A transaction's
   * cleanup per update was most of a cold load's time (100,000 updates: 2.0 s, against 0.6 s in
   * one), and one transaction emits one update to relay.
   */
  private applyAll(updates: readonly Uint8Array[], origin: typeof fromStore | typeof fromRemote) {
    Y.transact(
      this.doc,
      () => {
        for (const update of updates) {
          try {
            Y.applyUpdate(this.doc, update, origin)
          } catch (err) {
            this.context.log.error(
              { err, board: this.boardId },
              'stored update does not apply; skipped',
            )
          }
        }
      },
      origin,
    )
  }

  /** Loads a board from the store ([H2]: before any client is answered). */
  static async load(boardId: string, context: RoomContext): Promise<BoardRoom> {
    return new BoardRoom(boardId, context, await context.boardLogs.open(boardId))
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
      this.context.log.debug({ err, board: this.boardId }, 'malformed message')
      conn.reject(CloseCode.badMessage, 'malformed')
    }
  }

  private dispatch(conn: BoardConnection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (syncType === SyncType.step1) {
          // [H3] computed now, sent once everything it contains is stored
          this.queue.whenStored(syncStep2(this.doc, payload), (answer) => conn.send(answer))
        } else if (syncType === SyncType.step2 || syncType === SyncType.update) {
          this.acceptUpdate(conn, payload)
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
    // [H6] decode fully before anything else; a malformed update throws here
    const decoded = Y.decodeUpdate(update)
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return
    if (!canWrite(conn.role)) {
      // [H5] an observer's writes are dropped, never applied or stored
      this.context.metrics.rejected.inc({ reason: 'read_only' })
      return
    }
    if (!conn.mayWrite(this.boardId)) {
      // [H18] a participant's writes on a locked board are dropped the same way
      conn.droppedWrites = true
      this.context.metrics.rejected.inc({ reason: 'board_locked' })
      return
    }
    if (conn.droppedWrites) {
      // [H18] this update builds on dropped ones and would wait forever in Yjs; the client's
      // reconnect sends its whole state in sync step 2
      conn.close(CloseCode.resync, 'board unlocked')
      return
    }
    if (this.boardBytes + update.byteLength > this.context.limits.maxBoardBytes) {
      conn.reject(CloseCode.tooLarge, 'board_too_large')
      return
    }
    this.boardBytes += update.byteLength
    this.receivedAt = performance.now()
    try {
      // [H6] Yjs may still refuse it while integrating; that throws to receive() and closes conn
      if (!this.ruled) Y.applyUpdate(this.doc, update, conn)
      else
        this.ruled.apply(conn, update, decoded, (u, origin) =>
          this.queue.push(u, origin, this.receivedAt),
        )
    } finally {
      this.receivedAt = 0
    }
  }

  private relay(batch: readonly Written[]): void {
    const { metrics } = this.context
    for (const written of batch) {
      const message = updateMessage(written.update)
      let sent = 0
      for (const conn of this.connections) {
        if (conn !== written.origin && conn.isOpen) {
          conn.send(message)
          sent++
        }
      }
      metrics.updatesOut.inc(sent)
      metrics.relaySeconds.observe((performance.now() - written.receivedAt) / 1000)
    }
  }

  /** An update another node stored: already durable, so relayed at once to every connection. */
  private relayRemote(update: Uint8Array): void {
    this.boardBytes += update.byteLength
    const message = updateMessage(update)
    for (const conn of this.connections) conn.send(message)
    this.context.metrics.updatesOut.inc(this.connections.size)
  }

  private acceptAwareness(conn: BoardConnection, update: Uint8Array): void {
    if (update.byteLength > this.context.limits.maxAwarenessBytes) {
      conn.reject(CloseCode.tooLarge, 'awareness_too_large')
      return
    }
    // [H9] a connection speaks for one awareness client only. The stock y-websocket client
    // re-sends every awareness change it hears, so other people's entries are dropped silently.
    const entries = readAwarenessEntries(update)
    const own = entries.filter((entry) => this.claimAwareness(conn, entry))
    if (own.length === 0) return
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      own.length === entries.length ? update : encodeAwarenessEntries(own),
      conn,
    )
  }

  /** Whether an entry is the connection's own; its first live entry no one else owns makes it so. */
  private claimAwareness(conn: BoardConnection, entry: AwarenessEntry): boolean {
    if (conn.awarenessClient !== null) return entry.client === conn.awarenessClient
    const owner = this.awarenessOwners.get(entry.client)
    // A reconnecting client may beat the server to noticing its old connection is gone.
    if (owner && owner !== conn && this.connections.has(owner)) return false
    // An echoed "left" entry (state null) of someone who is gone claims nothing.
    if (entry.state === 'null') return false
    conn.awarenessClient = entry.client
    this.awarenessOwners.set(entry.client, conn)
    return true
  }

  private readonly relayAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    const message = awarenessMessage(this.awareness, changed)
    // Other nodes hear our clients' changes; never echo theirs back, nor our own expiry checks.
    if (origin !== fromRemote && origin !== 'timeout')
      this.boardLog.shareAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    // Echoed to the sender too: the stock client's 30 s watchdog needs to hear something.
    for (const conn of this.connections) conn.send(message)
  }

  /** Removes a connection and its cursor; the last one out starts the unload ([H10]). */
  leave(conn: BoardConnection): void {
    if (!this.connections.delete(conn)) return
    const client = conn.awarenessClient
    if (client !== null && this.awarenessOwners.get(client) === conn) {
      this.awarenessOwners.delete(client)
      awarenessProtocol.removeAwarenessStates(this.awareness, [client], conn)
    }
    if (this.connections.size === 0) void this.unload()
  }

  /** Flushes, compacts and frees the room; resolves when the store has everything. */
  unload(): Promise<void> {
    this.closing = true
    this.unloaded ??= (async () => {
      this.boardLog.close()
      this.ruled?.close()
      for (const conn of this.connections) conn.close(CloseCode.goingAway, 'board closing')
      this.connections.clear()
      await this.queue.close()
      this.awareness.destroy()
      this.doc.destroy()
      this.context.onUnloaded()
    })()
    return this.unloaded
  }
}
