import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { ReportFailure } from '../metrics.js'
import type { PostgresStore } from '../store/PostgresStore.js'
import { storeAndTrim, trimCovered, withLease, type CompactionOptions } from './compactStream.js'
import { streamField } from './streamField.js'
import { streamIdAfter } from './streamId.js'

/** How the periodic sweep of board streams nobody here has open is paced ([S11]). */
export interface SweepOptions {
  /** Mean time between two sweeps of one node; each wait is jittered by ±25 %. */
  readonly sweepIntervalMs: number
  /** At most this many streams are folded (or deleted) per sweep. */
  readonly sweepBoards: number
  /** At most this many stream entries are folded per board per sweep; the rest waits. */
  readonly sweepEntries: number
  /** The `COUNT` of each `SCAN` (a hint to Redis of how many keys to look at). */
  readonly scanCount: number
  /** At most this many `SCAN` calls per sweep, so a big Redis is covered over several sweeps. */
  readonly scanCalls: number
}

export const defaultSweepOptions: SweepOptions = {
  sweepIntervalMs: 60_000,
  sweepBoards: 50,
  sweepEntries: 10_000,
  scanCount: 200,
  scanCalls: 20,
}

export interface StreamSweeperOptions {
  /** Commands (SCAN, XRANGE, leases, XTRIM, DEL). */
  readonly redis: Redis
  readonly store: PostgresStore
  readonly prefix: string
  readonly log: Logger
  readonly report: ReportFailure
  /** This node's lease holder tag. */
  readonly holder: string
  /** Whether this node has the board open (its room compacts it itself, [S6]). */
  readonly isOpen: (roomId: string) => boolean
  readonly compaction: CompactionOptions
  readonly sweep?: Partial<SweepOptions>
}

/** What one sweep did. */
export interface SweepResult {
  /** Streams whose new entries went into their PostgreSQL snapshot. */
  readonly folded: number
  /** Streams whose entries were all covered already and were only trimmed. */
  readonly trimmed: number
  /** Streams of rooms that no longer exist in PostgreSQL (deleted workshops), deleted. */
  readonly deleted: number
  /** Streams whose sweep failed (they are tried again next time). */
  readonly failed: number
}

const PAGE = 500
/** A sweep gives up after this many failed streams: Redis or PostgreSQL is likely away. */
const MAX_FAILURES = 3
/** Updates applied between two turns of the event loop. */
const APPLY_CHUNK = 200
const turn = () => new Promise((resolve) => setImmediate(resolve))
const globEscape = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&')

/**
 * [S11] The compaction worker for streams no open room folds: every node, every
 * `sweepIntervalMs` (jittered), looks through the board streams in Redis (`SCAN`, bounded per
 * sweep), and folds each one this node does not have open and that holds entries older than
 * `graceMs` into its PostgreSQL snapshot, under the board's lease ([S6]); a stream whose room is
 * gone from PostgreSQL (its workshop was deleted) is deleted instead.
 */
export class StreamSweeper {
  private readonly o: SweepOptions
  private readonly pattern: string
  private readonly streamPrefix: string
  private cursor = '0'
  /** Keys a SCAN returned that this node did not look at yet (a sweep ran out of budget). */
  private pending: string[] = []
  private timer: NodeJS.Timeout | null = null
  private running: Promise<unknown> | null = null
  private stopped = false

  constructor(private readonly s: StreamSweeperOptions) {
    this.o = { ...defaultSweepOptions, ...s.sweep }
    this.streamPrefix = `${s.prefix}log:`
    this.pattern = `${globEscape(this.streamPrefix)}*`
  }

  start(): void {
    this.stopped = false
    this.schedule()
  }

  private schedule(): void {
    if (this.stopped) return
    // Jitter keeps the nodes of a deployment from sweeping in step.
    const wait = this.o.sweepIntervalMs * (0.75 + Math.random() * 0.5)
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .catch((err: unknown) => this.s.log.warn({ err }, 'stream sweep failed; next time'))
        .finally(() => {
          this.running = null
          this.schedule()
        })
    }, wait)
    this.timer.unref()
  }

  /** Stops sweeping; resolves once a sweep under way has finished. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.running
  }

  /** One sweep: up to `scanCalls` SCAN pages, up to `sweepBoards` streams folded or deleted. */
  async sweep(): Promise<SweepResult> {
    const result = { folded: 0, trimmed: 0, deleted: 0, failed: 0 }
    const done = () => result.folded + result.trimmed + result.deleted
    // Stream ids come from Redis's clock, so age is measured on it too.
    const [seconds, micros] = await this.s.redis.time()
    const cutoff =
      Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - this.s.compaction.graceMs
    let scans = 0
    while (done() < this.o.sweepBoards && result.failed < MAX_FAILURES && !this.stopped) {
      if (this.pending.length === 0) {
        if (scans >= this.o.scanCalls || (scans > 0 && this.cursor === '0')) break
        const [next, keys] = await this.s.redis.scan(
          this.cursor,
          'MATCH',
          this.pattern,
          'COUNT',
          this.o.scanCount,
          'TYPE',
          'stream',
        )
        scans++
        this.cursor = next
        this.pending = keys
        continue
      }
      const batch = this.pending.splice(0, this.o.sweepBoards)
      for (const stream of await this.stale(batch, cutoff)) {
        try {
          const outcome = await this.sweepStream(stream, cutoff)
          if (outcome) result[outcome]++
        } catch (err) {
          // One board that cannot be folded must not keep the others from being swept.
          result.failed++
          this.s.log.warn({ err, stream }, 'stream sweep of a board failed; next time')
        }
        if (done() >= this.o.sweepBoards || result.failed >= MAX_FAILURES) {
          this.pending.unshift(...batch.slice(batch.indexOf(stream) + 1))
          break
        }
      }
    }
    if (done() + result.failed > 0) this.s.log.info(result, 'streams swept')
    return result
  }

  /** The streams of `keys` that are not open here and whose oldest entry is older than `cutoff`. */
  private async stale(keys: readonly string[], cutoff: number): Promise<string[]> {
    const closed = keys.filter((key) => !this.s.isOpen(key.slice(this.streamPrefix.length)))
    if (closed.length === 0) return []
    const firsts = this.s.redis.pipeline()
    for (const key of closed) firsts.xrange(key, '-', '+', 'COUNT', 1)
    const replies = (await firsts.exec()) ?? []
    return closed.filter((_, i) => {
      const [err, entries] = replies[i] ?? [new Error('no reply')]
      const first = (entries as [string, string[]][] | undefined)?.[0]?.[0]
      return !err && first !== undefined && streamIdAfter(`${cutoff}-0`, first)
    })
  }

  /** Folds one stream into its snapshot under the board's lease; null when another node has it. */
  private async sweepStream(stream: string, cutoff: number): Promise<keyof SweepResult | null> {
    const { redis, store, compaction } = this.s
    const roomId = stream.slice(this.streamPrefix.length)
    const lease = `${this.s.prefix}lease:${roomId}`
    let outcome: keyof SweepResult | null = null
    await withLease(
      redis,
      lease,
      this.s.holder,
      compaction.leaseMs,
      async () => {
        // Rooms are rows before anyone can write to them: no row means the workshop was deleted
        // (and its stream outlived it: a write in flight, or Redis away when it went).
        if ((await store.findBoardWorkshop(roomId)) === null) {
          await redis.del(stream)
          outcome = 'deleted'
          return
        }
        // The tail first, then the snapshot, as a node opening the board reads them ([S1]).
        const tail = await this.readTail(stream)
        const saved = await store.loadStreamSnapshot(roomId)
        const grace = { graceMs: compaction.graceMs, nowMs: cutoff + compaction.graceMs }
        const fresh = tail.entries.filter(([id]) => streamIdAfter(id, saved.streamId))
        if (tail.lastId === null || !streamIdAfter(tail.lastId, saved.streamId)) {
          await trimCovered(redis, stream, saved.streamId, grace)
          outcome = 'trimmed'
          return
        }
        const doc = new Y.Doc()
        try {
          if (saved.snapshot) Y.applyUpdate(doc, saved.snapshot)
          for (let i = 0; i < fresh.length; i += APPLY_CHUNK) {
            // A long tail is replayed in slices, so the node keeps serving its own boards.
            if (i > 0) await turn()
            Y.transact(doc, () => {
              for (const [id, update] of fresh.slice(i, i + APPLY_CHUNK)) {
                try {
                  Y.applyUpdate(doc, update)
                } catch (err) {
                  this.s.log.error({ err, board: roomId, id }, 'stream entry does not apply')
                }
              }
            })
          }
          const snapshot = Y.encodeStateAsUpdate(doc)
          await storeAndTrim(redis, store, roomId, stream, snapshot, tail.lastId, grace)
          outcome = 'folded'
        } finally {
          doc.destroy()
        }
      },
      this.s.report,
    )
    return outcome
  }

  /** The first `sweepEntries` entries of a stream, page by page, and the id of the last one. */
  private async readTail(stream: string) {
    const entries: [string, Uint8Array][] = []
    let lastId: string | null = null
    let read = 0
    while (read < this.o.sweepEntries) {
      const count = Math.min(PAGE, this.o.sweepEntries - read)
      const start = lastId === null ? '-' : `(${lastId}`
      const page: [Buffer, Buffer[]][] = await this.s.redis.xrangeBuffer(
        stream,
        start,
        '+',
        'COUNT',
        count,
      )
      for (const [rawId, fields] of page) {
        const id = rawId.toString()
        const update = streamField(fields, 'u')
        if (update) entries.push([id, update])
        lastId = id
      }
      read += page.length
      if (page.length < count) break
    }
    return { entries, lastId }
  }
}
