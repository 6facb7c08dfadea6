import type { Redis } from 'ioredis'
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

/**
 * The compaction worker of one board: under a lease in Redis (`SET NX PX`, so one node at a time
 * per board) it stores `snapshot`, which covers the stream up to `coveredId`, in PostgreSQL, then
 * trims what it covers from the stream (`XTRIM MINID`). False when another node holds the lease.
 */
export async function compactStream(
  redis: Redis,
  store: PostgresStore,
  boardId: string,
  keys: CompactionKeys,
  snapshot: Uint8Array,
  coveredId: string,
  holder: string,
  options: CompactionOptions,
): Promise<boolean> {
  const leased = await redis.set(keys.lease, holder, 'PX', options.leaseMs, 'NX')
  if (leased !== 'OK') return false
  try {
    // Trimming comes after the snapshot is committed: a crash in between keeps both, never neither.
    if (!(await store.saveStreamSnapshot(boardId, snapshot, coveredId))) {
      // A deleted board's last writes (in flight while it was deleted) do not stay in Redis.
      if ((await store.findBoardWorkshop(boardId)) === null) await redis.del(keys.stream)
      return true
    }
    const last = await redis.xrevrange(keys.stream, '+', '-', 'COUNT', 1)
    const newest = last[0]?.[0]
    if (newest) {
      const keepFrom = earlierStreamId(
        nextStreamId(coveredId),
        streamIdBefore(newest, options.graceMs),
      )
      await redis.xtrim(keys.stream, 'MINID', keepFrom)
    }
    return true
  } finally {
    await redis.eval(RELEASE, 1, keys.lease, holder).catch(() => {})
  }
}
