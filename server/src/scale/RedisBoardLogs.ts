import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { boardOfRoom } from '@sparboard/protocol'
import type { BoardFeed, BoardLog, BoardLogSource } from '../hub/BoardLog.js'
import type { ReportFailure } from '../metrics.js'
import type { PostgresStore } from '../store/PostgresStore.js'
import { compactStream, defaultCompactionOptions, type CompactionOptions } from './compactStream.js'
import { streamField } from './streamField.js'
import { streamIdAfter } from './streamId.js'
import type { Subscriptions } from './Subscriptions.js'

/** Awareness messages between nodes: a kind byte, the sender's node id, then the body. */
const AwarenessKind = { update: 0, query: 1 } as const
const NODE_ID_BYTES = 8
const READ_COUNT = 1000
const BLOCK_MS = 5000
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export interface RedisBoardLogsOptions {
  /** Commands (XADD, XRANGE, leases, PUBLISH). */
  readonly redis: Redis
  /** A connection of its own for the blocking XREAD. */
  readonly reader: Redis
  /** A connection in subscriber mode for awareness. */
  readonly subscriber: Redis
  readonly store: PostgresStore
  /** Prefix of every key and channel, so deployments (and test runs) can share one Redis. */
  readonly prefix: string
  readonly log: Logger
  readonly report: ReportFailure
  /** The node's watched subscriptions ([S7]) on `subscriber`. */
  readonly subscriptions: Subscriptions
  readonly compaction?: Partial<CompactionOptions>
}

interface Followed {
  readonly boardId: string
  readonly stream: string
  /** The last entry applied (or written by us): what a snapshot of the live doc covers. */
  position: string
  feed: BoardFeed | null
}

/**
 * Scale-out board logs: each board's updates go to a Redis stream (the write-ahead log, `XADD`
 * before any relay); every node reads the streams of the boards it has open (one blocking
 * `XREAD` for all of them) and hands other nodes' entries to the room. Awareness crosses nodes
 * over pub/sub and is never stored. Snapshots live in PostgreSQL ([H4] via `compactStream`).
 */
export class RedisBoardLogs implements BoardLogSource {
  /** This process; its own stream entries and awareness are not handed back to it. */
  readonly nodeId = randomBytes(NODE_ID_BYTES)
  /** The node id as text: the `n` field of its stream entries, and its lease holder tag. */
  readonly nodeTag = this.nodeId.toString('hex')
  private readonly followed = new Map<string, Followed>()
  private readonly byChannel = new Map<string, Followed>()
  private readerId: number | null = null
  private wake: (() => void) | null = null
  /** Counts XREADs sent; an UNBLOCK that raced ahead of the read it meant is sent again. */
  private reads = 0
  private reading = false
  private closed = false
  private readonly loop: Promise<void>
  private readonly compaction: CompactionOptions
  /** Called when Redis fails under the reader (the outage watch then checks at once). */
  onError: (err: unknown) => void = () => {}

  constructor(private readonly o: RedisBoardLogsOptions) {
    this.compaction = { ...defaultCompactionOptions, ...o.compaction }
    o.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.hearAwareness(channel.toString(), message),
    )
    const erased = `${o.prefix}rooms-deleted`
    void o.subscriptions.subscribe(erased)
    o.subscriber.on('message', (channel: string, message: string) => {
      if (channel === erased) this.closeDeleted(JSON.parse(message) as string[])
    })
    this.loop = this.readLoop()
  }

  private key = (kind: string, boardId: string) => `${this.o.prefix}${kind}:${boardId}`

  async open(boardId: string): Promise<BoardLog> {
    const stream = this.key('log', boardId)
    // The tail first, then the snapshot: entries are trimmed only after a snapshot covering them
    // is committed, so a snapshot read later covers everything before the tail we got.
    const tail = await this.o.redis.xrangeBuffer(stream, '-', '+')
    const saved = await this.o.store.loadStreamSnapshot(boardId)
    const entries = tail.filter(([id]) => streamIdAfter(id.toString(), saved.streamId))
    const log = entries.map(([, fields]) => streamField(fields, 'u')).filter((u) => u !== null)
    const position = tail.length > 0 ? tail[tail.length - 1]![0].toString() : saved.streamId
    const board: Followed = { boardId, stream, position, feed: null }
    const logBytes = log.reduce((n, u) => n + u.byteLength, 0)
    return {
      stored: {
        updates: saved.snapshot ? [saved.snapshot, ...log] : log,
        logRows: log.length,
        logBytes,
      },
      append: (updates) => this.append(board, updates),
      compact: (snapshot) => this.compact(board, snapshot),
      // [S6] trims only up to the position read before the snapshot was taken.
      appendsWhileCompacting: true,
      follow: (feed) => void this.follow(board, feed),
      shareAwareness: (update) => this.publish(board, AwarenessKind.update, update),
      close: () => this.unfollow(board),
    }
  }

  /** Whether this node has the room open (the sweep leaves it to the room, [S11]). */
  isOpen(roomId: string): boolean {
    return this.followed.has(this.key('log', roomId))
  }

  private async append(board: Followed, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return
    if (updates.length === 1) {
      // One XADD is atomic by itself: no MULTI/EXEC round of three commands.
      await this.o.redis.xadd(board.stream, '*', 'n', this.nodeTag, 'u', Buffer.from(updates[0]!))
      this.touch(board.boardId)
      return
    }
    const batch = this.o.redis.multi()
    for (const u of updates) batch.xadd(board.stream, '*', 'n', this.nodeTag, 'u', Buffer.from(u))
    const results = await batch.exec()
    const failed = results?.find(([err]) => err) ?? (results ? null : [new Error('aborted')])
    if (failed) throw failed[0]
    this.touch(board.boardId)
  }

  private readonly touched = new Map<string, number>()
  /**
   * Marks the board's workshop active, at most once a minute per board: bookkeeping for
   * RETENTION_DAYS (as trackActivity does on one node), which never fails an edit.
   */
  private touch(boardId: string): void {
    const now = Date.now()
    if ((this.touched.get(boardId) ?? -Infinity) > now - 60_000) return
    this.touched.set(boardId, now)
    this.o.store
      .findBoardWorkshop(boardId)
      .then(async (workshopId) => {
        if (workshopId) await this.o.store.touchWorkshop(workshopId, now)
      })
      .catch((err: unknown) => this.o.report('touch-workshop', err, { board: boardId }))
  }

  private async compact(board: Followed, snapshot: Uint8Array): Promise<void> {
    // Taken before any await: everything up to here is in the live doc the snapshot came from.
    const covered = board.position
    if (covered === '0-0') return
    await compactStream(
      this.o.redis,
      this.o.store,
      board.boardId,
      { stream: board.stream, lease: this.key('lease', board.boardId) },
      snapshot,
      covered,
      this.nodeTag,
      this.compaction,
      this.o.report,
    )
  }

  private async follow(board: Followed, feed: BoardFeed): Promise<void> {
    board.feed = feed
    this.followed.set(board.stream, board)
    const channel = this.key('awareness', board.boardId)
    this.byChannel.set(channel, board)
    this.interruptRead()
    try {
      await this.o.subscriber.subscribe(channel)
      // Other nodes answer with their clients' states, so our joiners see every cursor at once.
      this.publish(board, AwarenessKind.query, new Uint8Array())
    } catch (err) {
      // Cursors of other nodes' clients stay away on this board until it is opened again.
      this.o.report('awareness-subscribe', err, { board: board.boardId })
    }
  }

  private unfollow(board: Followed): void {
    if (this.followed.get(board.stream) !== board) return
    this.followed.delete(board.stream)
    const channel = this.key('awareness', board.boardId)
    this.byChannel.delete(channel)
    board.feed = null
    this.touched.delete(board.boardId)
    this.o.subscriber
      .unsubscribe(channel)
      .catch((err: unknown) =>
        this.o.report('awareness-unsubscribe', err, { board: board.boardId }),
      )
    this.interruptRead()
  }

  private publish(board: Followed, kind: number, body: Uint8Array): void {
    const message = Buffer.concat([Buffer.of(kind), this.nodeId, body])
    this.o.redis.publish(this.key('awareness', board.boardId), message).catch((err: unknown) => {
      this.o.log.debug({ err, board: board.boardId }, 'awareness publish failed')
    })
  }

  private hearAwareness(channel: string, message: Buffer): void {
    const board = this.byChannel.get(channel)
    if (!board?.feed || message.length < 1 + NODE_ID_BYTES) return
    if (message.subarray(1, 1 + NODE_ID_BYTES).equals(this.nodeId)) return
    const body = message.subarray(1 + NODE_ID_BYTES)
    try {
      if (message[0] === AwarenessKind.update) board.feed.awareness(body)
      else if (message[0] === AwarenessKind.query) {
        const states = board.feed.localAwareness()
        if (states) this.publish(board, AwarenessKind.update, states)
      }
    } catch (err) {
      this.o.log.warn({ err, board: board.boardId }, 'awareness from another node refused')
    }
  }

  /**
   * A workshop was deleted (on any node): its rooms' streams and leases go, and every node closes
   * its connections to them.
   */
  async deleteRooms(roomIds: readonly string[]): Promise<void> {
    const keys = roomIds.flatMap((id) => [this.key('log', id), this.key('lease', id)])
    if (keys.length > 0) await this.o.redis.del(...keys)
    await this.o.redis.publish(`${this.o.prefix}rooms-deleted`, JSON.stringify(roomIds))
  }

  private closeDeleted(roomIds: readonly string[]): void {
    const gone = new Set(roomIds)
    for (const board of this.followed.values()) {
      if (gone.has(board.boardId) || gone.has(boardOfRoom(board.boardId))) board.feed?.gone()
    }
  }

  /** Ends a blocking XREAD early so that it starts again with the current set of boards. */
  private interruptRead(): void {
    this.wake?.()
    const read = this.reads
    const unblock = (attempt: number) => {
      if (!this.reading || this.reads !== read || this.readerId === null) return
      // Not unblocked, the read ends by itself within BLOCK_MS and starts again with the boards.
      this.o.redis.client('UNBLOCK', this.readerId).then(
        (n) => n === 0 && attempt < 5 && setTimeout(() => unblock(attempt + 1), 10),
        (err: unknown) => this.o.report('stream-unblock', err),
      )
    }
    unblock(0)
  }

  private async readLoop(): Promise<void> {
    while (!this.closed) {
      const boards = [...this.followed.values()]
      if (boards.length === 0) {
        await new Promise<void>((resolve) => (this.wake = resolve))
        this.wake = null
        continue
      }
      try {
        this.readerId ??= (await this.o.reader.client('ID')) as number
        this.reads++
        this.reading = true
        const reply = await this.o.reader.xreadBuffer(
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...boards.map((b) => b.stream),
          ...boards.map((b) => b.position),
        )
        this.reading = false
        for (const [stream, entries] of reply ?? []) {
          const board = this.followed.get(stream.toString())
          if (board) this.deliver(board, entries)
        }
      } catch (err) {
        this.reading = false
        if (this.closed) return
        this.readerId = null
        this.o.log.warn({ err }, 'stream read failed; retrying')
        this.onError(err)
        await delay(500)
      }
    }
  }

  private deliver(board: Followed, entries: [Buffer, Buffer[]][]): void {
    const updates: Uint8Array[] = []
    let position = board.position
    for (const [rawId, fields] of entries) {
      const id = rawId.toString()
      // A board reopened while this read was out starts past what it already loaded.
      if (!streamIdAfter(id, position)) continue
      position = id
      const update = streamField(fields, 'u')
      if (update && streamField(fields, 'n')?.toString() !== this.nodeTag) updates.push(update)
    }
    try {
      if (updates.length > 0) board.feed?.updates(updates)
    } catch (err) {
      // Not an outage: the stream was read; the board's other entries and boards go on.
      this.o.log.error({ err, board: board.boardId, position }, 'stream entries do not apply')
    }
    // Moved in the same tick as the apply: a snapshot taken now covers these entries.
    board.position = position
  }

  async close(): Promise<void> {
    this.closed = true
    this.interruptRead()
    await this.loop
  }
}
