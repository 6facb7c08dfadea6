import { createAdapter } from '@socket.io/redis-streams-adapter'
import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { Role } from '@sparboard/protocol'
import { Failures } from '../metrics.js'
import { PostgresStore } from '../store/PostgresStore.js'
import { defaultCompactionOptions, type CompactionOptions } from './compactStream.js'
import { RedisBoardLogs } from './RedisBoardLogs.js'
import { RedisSessionSync } from './RedisSessionSync.js'
import { StreamSweeper, type SweepOptions } from './StreamSweeper.js'
import { keepSubscribed } from './keepSubscribed.js'
import { Subscriptions } from './Subscriptions.js'

/** Scale-out mode: several identical nodes on one Redis and one PostgreSQL. */
export interface ScaleOutOptions {
  readonly redisUrl: string
  readonly databaseUrl: string
  /** Prefix of every Redis key and channel (default `sparboard:`); one per deployment. */
  readonly keyPrefix?: string
  /** PostgreSQL schema of the tables (default `sparboard`). */
  readonly schema?: string
  /** Leases, the grace window ([S6]) and the pace of the periodic sweep ([S11]). */
  readonly compaction?: Partial<CompactionOptions & SweepOptions>
  /** How often Redis and PostgreSQL are pinged, and how long an answer may take. */
  readonly watchIntervalMs?: number
  readonly watchTimeoutMs?: number
}

export interface ScaleOut {
  readonly store: PostgresStore
  readonly boardLogs: RedisBoardLogs
  /** The socket.io adapter: control-plane broadcasts reach sockets on every node. */
  readonly adapter: ReturnType<typeof createAdapter>
  /** The control plane's sessions, one across nodes. */
  readonly sessionSync: RedisSessionSync
  /** Folds the streams of boards no node has open into PostgreSQL ([S11]); started by the server. */
  readonly sweeper: StreamSweeper
  /** Tells every node that a role's link of a workshop was replaced ([C15]). */
  revokeRole(workshopId: string, role: Role): Promise<void>
  /** Runs `close` on this node whenever any node replaced a link. */
  onRoleRevoked(close: (workshopId: string, role: Role) => void): void
  /** Tells every node that the facilitator removed a participant ([C16]). */
  revokeParticipant(workshopId: string, participantId: string): Promise<void>
  /** Runs `close` on this node whenever any node removed a participant. */
  onParticipantRevoked(close: (workshopId: string, participantId: string) => void): void
  readonly pingRedis: () => Promise<unknown>
  /** Resolves while this node's Redis subscriptions hear what is published ([S7]). */
  readonly checkSubscriptions: () => Promise<void>
  /** Failures nobody awaits, logged and counted; the server registers the counter. */
  readonly failures: Failures
  close(): Promise<void>
}

const connection = (url: string, name: string, failFast = true) =>
  new Redis(url, {
    connectionName: name,
    // Fail a command at once while Redis is away, instead of queueing it: an update that cannot
    // be written ahead must not be relayed, and the outage watch must notice.
    enableOfflineQueue: !failFast,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 100, 1000),
  })

const ready = (redis: Redis) =>
  redis.status === 'ready'
    ? Promise.resolve()
    : new Promise<void>((resolve) => redis.once('ready', () => resolve()))

/**
 * Connects scale-out mode; resolves once Redis is ready (it waits for Redis to come up).
 * @example const scale = await createScaleOut({ redisUrl, databaseUrl }, log)
 */
export async function createScaleOut(options: ScaleOutOptions, log: Logger): Promise<ScaleOut> {
  const prefix = options.keyPrefix ?? 'sparboard:'
  const failures = new Failures(log)
  const { report } = failures
  const [redis, reader, subscriber, adapterClient] = [
    'commands',
    'reader',
    'awareness',
    'socket.io',
  ].map((name) =>
    // The adapter's read loop retries at once on an error: failing fast would make it spin.
    keepSubscribed(connection(options.redisUrl, `sparboard-${name}`, name !== 'socket.io'), report),
  ) as [Redis, Redis, Redis, Redis]
  for (const r of [redis, reader, subscriber, adapterClient]) {
    r.on('error', (err: Error) => log.debug({ err }, 'redis connection error'))
  }
  // Subscriptions must survive a reconnect: ioredis re-subscribes once ready again.
  await Promise.all([redis, reader, subscriber, adapterClient].map(ready))
  const subscriptions = new Subscriptions(redis, subscriber, prefix, report)
  const store = new PostgresStore({
    connectionString: options.databaseUrl,
    schema: options.schema,
    report,
  })
  const boardLogs = new RedisBoardLogs({
    redis,
    reader,
    subscriber,
    subscriptions,
    store,
    prefix,
    log,
    report,
    compaction: options.compaction,
  })
  const sweeper = new StreamSweeper({
    redis,
    store,
    prefix,
    log,
    report,
    // Not the rooms' tag: a sweep whose lease expired must not release one a room here took since.
    holder: `${boardLogs.nodeTag}-sweep`,
    isOpen: (roomId) => boardLogs.isOpen(roomId),
    compaction: { ...defaultCompactionOptions, ...options.compaction },
    sweep: options.compaction,
  })
  store.onRoomsDeleted = (roomIds) => boardLogs.deleteRooms(roomIds)
  store.scaleOutBoards = async (boardId) => (await boardLogs.open(boardId)).stored
  const adapter = createAdapter(adapterClient, {
    streamName: `${prefix}socket.io`,
    channelPrefix: `${prefix}socket.io`,
  })
  const revoked = `${prefix}role-revoked`
  const removed = `${prefix}participant-revoked`
  const onRevoked: ((workshopId: string, role: Role) => void)[] = []
  const onRemoved: ((workshopId: string, participantId: string) => void)[] = []
  await subscriptions.subscribe(revoked, removed)
  subscriber.on('message', (channel: string, message: string) => {
    if (channel === removed) {
      const { workshopId, participantId } = JSON.parse(message) as Record<string, string>
      for (const close of onRemoved) close(workshopId!, participantId!)
    }
    if (channel !== revoked) return
    const { workshopId, role } = JSON.parse(message) as { workshopId: string; role: Role }
    for (const close of onRevoked) close(workshopId, role)
  })
  return {
    store,
    revokeRole: async (workshopId, role) => {
      await redis.publish(revoked, JSON.stringify({ workshopId, role }))
    },
    onRoleRevoked: (close) => void onRevoked.push(close),
    revokeParticipant: async (workshopId, participantId) => {
      await redis.publish(removed, JSON.stringify({ workshopId, participantId }))
    },
    onParticipantRevoked: (close) => void onRemoved.push(close),
    boardLogs,
    adapter,
    sessionSync: new RedisSessionSync(redis, subscriber, subscriptions, prefix, report),
    sweeper,
    pingRedis: () => redis.ping(),
    checkSubscriptions: () => subscriptions.check(),
    failures,
    async close() {
      await sweeper.stop()
      await boardLogs.close()
      for (const r of [redis, reader, subscriber, adapterClient]) r.disconnect()
    },
  }
}
