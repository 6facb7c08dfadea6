import type { Redis } from 'ioredis'
import type { ReportFailure } from '../metrics.js'
import type { PostgresStore } from '../store/PostgresStore.js'
import { earlierStreamId, nextStreamId, streamIdBefore } from './streamId.js'

/** Deletes the lease only while it is still ours (it may have expired and gone to another node). */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`

export interface CompactionKeys {
  readonly stream: string
  readonly lease: string
}

export interface CompactionOptions {
  readonly leaseMs: number
  /**
   * Entries younger than this stay in the stream after they are folded in, so that a node whose
   * reader is a little behind still finds them (it would otherwise miss them until a reload).
   */
  readonly graceMs: number
}

export const defaultCompactionOptions: CompactionOptions = { leaseMs: 15_000, graceMs: 30_000 }

/** Runs `work` under the board's lease (`SET NX PX`); false, without running it, when another node holds it. */
export async function withLease(
  redis: Redis,
  lease: string,
  holder: string,
  leaseMs: number,
  work: () => Promise<void>,
  report: ReportFailure,
): Promise<boolean> {
  if ((await redis.set(lease, holder, 'PX', leaseMs, 'NX')) !== 'OK') return false
  try {
    await work()
    return true
  } finally {
    // Not released, it expires after leaseMs: the board's next compaction waits that long.
    await redis
      .eval(RELEASE, 1, lease, holder)
      .catch((err: unknown) => report('lease-release', err, { lease }))
  }
}

/**
 * What a trim keeps: entries of the last `graceMs` before `nowMs` (Redis's clock), or before the
 * stream's newest entry when `nowMs` is not given.
 */
export interface Grace {
  readonly graceMs: number
  readonly nowMs?: number
}

/**
 * Stores `snapshot`, which covers the stream up to `coveredId`, in PostgreSQL (unless a newer one
 * is there), then trims what it covers, keeping the grace window. Call it under the lease.
 */
export async function storeAndTrim(
  redis: Redis,
  store: PostgresStore,
  boardId: string,
  stream: string,
  snapshot: Uint8Array,
  coveredId: string,
  grace: Grace,
): Promise<void> {
  // Trimming comes after the snapshot is committed: a crash in between keeps both, never neither.
  if (!(await store.saveStreamSnapshot(boardId, snapshot, coveredId))) {
    // A deleted board's last writes (in flight while it was deleted) do not stay in Redis.
    if ((await store.findBoardWorkshop(boardId)) === null) await redis.del(stream)
    return
  }
  await trimCovered(redis, stream, coveredId, grace)
}

/** `XTRIM MINID` past `coveredId`, but never into the grace window. */
export async function trimCovered(
  redis: Redis,
  stream: string,
  coveredId: string,
  grace: Grace,
): Promise<void> {
  let now = grace.nowMs === undefined ? undefined : `${grace.nowMs}-0`
  if (now === undefined) {
    const last = await redis.xrevrange(stream, '+', '-', 'COUNT', 1)
    now = last[0]?.[0]
    if (!now) return
  }
  const keepFrom = earlierStreamId(nextStreamId(coveredId), streamIdBefore(now, grace.graceMs))
  await redis.xtrim(stream, 'MINID', keepFrom)
}

/**
 * The compaction worker of one board: under a lease in Redis (`SET NX PX`, so one node at a time
 * per board) it stores `snapshot`, which covers the stream up to `coveredId`, in PostgreSQL, then
 * trims what it covers from the stream (`XTRIM MINID`). False when another node holds the lease.
 */
export function compactStream(
  redis: Redis,
  store: PostgresStore,
  boardId: string,
  keys: CompactionKeys,
  snapshot: Uint8Array,
  coveredId: string,
  holder: string,
  options: CompactionOptions,
  report: ReportFailure,
): Promise<boolean> {
  return withLease(
    redis,
    keys.lease,
    holder,
    options.leaseMs,
    () => storeAndTrim(redis, store, boardId, keys.stream, snapshot, coveredId, options),
    report,
  )
}
