import * as decoding from 'lib0/decoding'
import type { Logger } from 'pino'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { canWrite, CloseCode } from '@sparboard/protocol'
import { AwarenessBudget, type AwarenessLimits } from './AwarenessBudget.js'
import { AwarenessRelay } from './AwarenessRelay.js'
import type { BoardLog, BoardLogSource } from './BoardLog.js'
import type { Metrics } from '../metrics.js'
import type { BoardConnection } from './BoardConnection.js'
import type { ContentRule } from './ContentRule.js'
import { dropPending, missingDependencies } from './missingDependencies.js'
import { RuledWrites } from './RuledWrites.js'
import {
  encodeAwarenessEntries,
  readAwarenessEntries,
  type AwarenessEntry,
} from './awarenessEntries.js'
import { WriteAheadQueue, type Written } from './WriteAheadQueue.js'
import { binaryFrame } from './wireFrame.js'
import {
  awarenessMessage,
  MessageType,
  SyncType,
  isEmptyStateVector,
  syncStep1,
  syncStep2,
  syncStep2Of,
  updateMessage,
} from './messages.js'

/** Limits of one room; see SPEC.md for the rules they serve. */
export interface RoomLimits extends AwarenessLimits {
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
/** [H9] Awareness client ids whose first speaker a room remembers. */
const MAX_AWARENESS_IDENTITIES = 10_000
/** Origin of updates and awareness that other nodes stored or sent (scale-out mode). */
const fromRemote = 'redis'

/** One open board: its Y.Doc, its awareness, its connections and its write-ahead queue. */
export class BoardRoom {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly connections = new Set<BoardConnection>()
  /** Which connection speaks for each awareness client id ([H9]). */
  private readonly awarenessOwners = new Map<number, BoardConnection>()
  /**
   * [H9] Who first spoke for each awareness client id (role and participant), kept after their
   * connection left while the room is open: their next connection takes it back, no one else.
   */
  private readonly awarenessIdentities = new Map<number, string>()
  private readonly queue: WriteAheadQueue
  /** [H24] awareness per connection, and the board's relay of it, within their budgets */
  private readonly awarenessBudget: AwarenessBudget
  private readonly awarenessRelay: AwarenessRelay
  private readonly ruled: RuledWrites | null
  /**
   * [H14] What the board holds, in bytes: its encoded state at load and at each compaction, plus
   * what Yjs integrated since (an update it already had adds nothing).
   */
  private boardBytes: number
  private receivedAt = 0
  /**
   * The whole board as one update, while nothing changed since it was encoded: the stored
   * snapshot it was loaded from, or the last compaction's. A joiner whose document is empty (a
   * first visit: sync step 1 with an empty state vector) gets these bytes as they are, instead of
   * an encoding of the whole board per joiner (a plenary opening one board at once).
   */
  private wholeBoard: Uint8Array | null = null
  /**
   * [H22] Why the stored board is damaged (a stored update that does not apply), or null. Clients
   * are refused; the server's own change (a restore) may still write, and only then is the log
   * folded into a snapshot: the damaged rows stay in the store until someone chose what replaces
   * them.
   */
  damaged: string | null = null
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
    // [H25] a board stored before pending updates were refused is cleaned, and folded anew below
    const cleaned = this.dropPending('stored')
    const whole =
      stored.updates.length === 1 && !cleaned
        ? stored.updates[0]!
        : stored.updates.length === 0
          ? null
          : Y.encodeStateAsUpdate(this.doc)
    this.boardBytes = whole?.byteLength ?? 0
    this.wholeBoard = this.damaged ? null : whole
    this.queue = new WriteAheadQueue({
      boardId,
      boardLog,
      metrics: context.metrics,
      log: context.log,
      // [H22] a damaged board is compacted only once something was written to it
      logRows: this.damaged ? 0 : Math.max(stored.logRows, cleaned ? 1 : 0),
      logBytes: this.damaged ? 0 : stored.logBytes,
      shouldCompact: (rows, bytes) =>
        rows >= context.limits.compactAfterRows || bytes >= context.limits.compactAfterBytes,
      snapshot: () => {
        const snapshot = Y.encodeStateAsUpdate(this.doc)
        this.boardBytes = snapshot.byteLength
        this.wholeBoard = snapshot
        return snapshot
      },
      onStored: (batch) => this.relay(batch),
      ...(boardLog.turn && { turn: boardLog.turn }),
    })
    // Watching starts after the stored history is in: the rule judges writes, not the past.
    this.ruled = context.contentRule
      ? new RuledWrites(this.doc, boardId, context.contentRule)
      : null
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.wholeBoard = null
      if (origin === fromStore) return
      this.boardBytes += update.byteLength
      if (origin === fromRemote) return this.relayRemote(update)
      if (this.ruled?.capture(update)) return
      // [H3] what Yjs integrated is queued for the store; peers get it once it is stored
      this.queue.push(update, origin, this.receivedAt || performance.now())
    })
    this.awarenessBudget = new AwarenessBudget(context.limits, (conn, update) => {
      if (this.connections.has(conn))
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn)
    })
    this.awarenessRelay = new AwarenessRelay(this.awareness, this.connections, context.limits)
    this.awareness.on('update', this.relayAwareness)
    boardLog.follow({
      updates: (updates) => {
        this.applyAll(updates, fromRemote)
        this.dropPending('remote')
      },
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
   * Applies stored updates in one transaction, skipping any that Yjs refuses (a stored one marks
   * the board damaged, [H22]). A transaction's
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
            if (origin === fromStore) this.damaged ??= String((err as Error)?.message ?? err)
          }
        }
      },
      origin,
    )
  }

  /**
   * [H25] Drops what Yjs holds back as pending (it would reach every joiner and every snapshot);
   * logged and counted. True when there was something.
   */
  private dropPending(source: 'stored' | 'remote' | 'sync_step2' | 'update'): boolean {
    if (!dropPending(this.doc)) return false
    this.context.metrics.pendingDropped.inc({ source })
    const log = source === 'sync_step2' ? this.context.log.debug : this.context.log.warn
    log.call(
      this.context.log,
      { board: this.boardId, source },
      'dropped the part of an update whose dependencies never arrived',
    )
    return true
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
          const answer =
            this.wholeBoard && isEmptyStateVector(payload)
              ? syncStep2Of(this.wholeBoard)
              : syncStep2(this.doc, payload)
          this.queue.whenStored(answer, (a) => conn.send(a))
        } else if (syncType === SyncType.step2 || syncType === SyncType.update) {
          this.acceptUpdate(conn, payload, syncType === SyncType.step2)
        } else {
          throw new Error(`unknown sync message ${syncType}`)
        }
        return
      }
      case MessageType.awareness:
        this.acceptAwareness(conn, decoding.readVarUint8Array(decoder))
        return
      case MessageType.queryAwareness:
        if (this.awarenessBudget.allowsQuery(conn))
          conn.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]))
        return
      case MessageType.auth:
        return
      default:
        throw new Error(`unknown message type ${type}`)
    }
  }

  private acceptUpdate(conn: BoardConnection, update: Uint8Array, syncStep2: boolean): void {
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
    // [H25] an update that builds on clocks the board never got would wait forever, and Yjs
    // would hand it to every joiner: a sync step 2 lands without that part, an update not at all
    const missing = missingDependencies(this.doc, decoded)
    if (missing && !syncStep2) {
      this.context.metrics.pendingDropped.inc({ source: 'update' })
      conn.reject(CloseCode.badMessage, 'pending_update')
      return
    }
    // [H14] at most what the update carries; what it adds is counted once Yjs integrated it
    if (this.boardBytes + update.byteLength > this.context.limits.maxBoardBytes) {
      conn.reject(CloseCode.tooLarge, 'board_too_large')
      return
    }
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
      // [H26] what broke the board's schema was undone in the same update; the writer goes
      const refused = this.ruled?.refused
      if (refused) {
        this.context.log.info({ board: this.boardId, why: refused }, 'write refused')
        conn.reject(CloseCode.badMessage, 'content_refused')
      }
      // [H25] what Yjs held back goes; only a step 2 should have had any (the check above)
      if (this.dropPending(syncStep2 ? 'sync_step2' : 'update') && !syncStep2)
        conn.reject(CloseCode.badMessage, 'pending_update')
    }
  }

  private relay(batch: readonly Written[]): void {
    const { metrics } = this.context
    for (const written of batch) {
      const message = updateMessage(written.update)
      const frame = binaryFrame(message)
      let sent = 0
      for (const conn of this.connections) {
        if (conn !== written.origin && conn.isOpen) {
          conn.sendFramed(message, frame)
          sent++
        }
      }
      metrics.updatesOut.inc(sent)
      metrics.relaySeconds.observe((performance.now() - written.receivedAt) / 1000)
    }
  }

  /** An update another node stored: already durable, so relayed at once to every connection. */
  private relayRemote(update: Uint8Array): void {
    const message = updateMessage(update)
    const frame = binaryFrame(message)
    for (const conn of this.connections) conn.sendFramed(message, frame)
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
    this.awarenessBudget.offer(
      conn,
      own.length === entries.length ? update : encodeAwarenessEntries(own),
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
    // [H9] an id someone else spoke for stays theirs, also while they are offline
    const identity = this.awarenessIdentities.get(entry.client)
    if (identity !== undefined && identity !== conn.identity) return false
    conn.awarenessClient = entry.client
    this.awarenessOwners.set(entry.client, conn)
    if (identity === undefined) {
      // Bounded: the oldest ids are forgotten first (a board sees a few hundred at most).
      if (this.awarenessIdentities.size >= MAX_AWARENESS_IDENTITIES)
        this.awarenessIdentities.delete(this.awarenessIdentities.keys().next().value!)
      this.awarenessIdentities.set(entry.client, conn.identity)
    }
    return true
  }

  private readonly relayAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    // Other nodes hear our clients' changes; never echo theirs back, nor our own expiry checks.
    if (origin !== fromRemote && origin !== 'timeout')
      this.boardLog.shareAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    this.awarenessRelay.changed(changed)
  }

  /** Removes a connection and its cursor; the last one out starts the unload ([H10]). */
  leave(conn: BoardConnection): void {
    if (!this.connections.delete(conn)) return
    this.awarenessBudget.leave(conn)
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
      this.awarenessRelay.close()
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
