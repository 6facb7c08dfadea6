import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer as createTcpServer, connect, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import pg from 'pg'
import {
  createLogger,
  createScaleOut,
  requireService,
  type ScaleOut,
  type ScaleOutOptions,
  type ServerOptions,
  type Store,
} from '@sparboard/server'
import { spawnServer, type ChildServer } from './childServer.js'
import { startServer, type RunningServer } from './startServer.js'

export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
export const databaseUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** Whether Redis and PostgreSQL are there (under CI=true their absence throws instead). */
export async function scaleServicesUp(): Promise<boolean> {
  const redis = await requireService('redis', redisUrl)
  const postgres = await requireService('postgres', databaseUrl)
  return redis && postgres
}

/** One test run's corner of the shared Redis and PostgreSQL: a key prefix and a schema. */
export interface ScaleSpace {
  readonly keyPrefix: string
  readonly schema: string
  /** Environment of a child node in this space. */
  readonly env: Record<string, string>
  /** Deletes the run's keys and schema. */
  drop(): Promise<void>
}

export function scaleSpace(redis = redisUrl): ScaleSpace {
  const id = randomBytes(5).toString('hex')
  const keyPrefix = `sparboard-test-${id}:`
  const schema = `sparboard_test_${id}`
  return {
    keyPrefix,
    schema,
    env: {
      REDIS_URL: redis,
      DATABASE_URL: databaseUrl,
      REDIS_KEY_PREFIX: keyPrefix,
      DATABASE_SCHEMA: schema,
    },
    async drop() {
      const r = new Redis(redisUrl, { lazyConnect: true })
      await r.connect()
      const keys = await r.keys(`${keyPrefix}*`)
      if (keys.length > 0) await r.del(...keys)
      r.disconnect()
      const admin = new pg.Client({ connectionString: databaseUrl })
      await admin.connect()
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await admin.end()
    },
  }
}

/** A scale-out node in this process (createServer with the space's Redis and PostgreSQL). */
export async function startScaleNode(
  space: ScaleSpace,
  via: {
    redisUrl?: string
    databaseUrl?: string
    /** Leases, grace window and the pace of the periodic sweep ([S6], [S11]). */
    compaction?: ScaleOutOptions['compaction']
    hub?: ServerOptions['hub']
    /** Wraps the node's store (a test watching or holding back what the node reads). */
    store?: (store: Store) => Store
  } = {},
): Promise<RunningServer & { readonly scaleOut: ScaleOut }> {
  const scaleOut = await createScaleOut(
    {
      redisUrl: via.redisUrl ?? redisUrl,
      databaseUrl: via.databaseUrl ?? databaseUrl,
      keyPrefix: space.keyPrefix,
      schema: space.schema,
      compaction: via.compaction,
    },
    createLogger('silent'),
  )
  const store = via.store?.(scaleOut.store)
  return { ...(await startServer({ scaleOut, hub: via.hub, ...(store && { store }) })), scaleOut }
}

/** A scale-out node as its own process, so a test can `kill -9` it. */
export async function spawnScaleNode(space: ScaleSpace): Promise<ChildServer & { stop(): void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sparboard-scale-'))
  const child = await spawnServer(dataDir, space.env)
  return {
    ...child,
    stop() {
      child.proc.kill('SIGKILL')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * A loopback TCP balancer, as nginx would be: each connection goes to the first target (in order)
 * that accepts it, so clients of a killed node land on another one when they reconnect.
 */
export async function startBalancer(targets: () => readonly number[], host = '127.0.0.1') {
  const sockets = new Set<Socket>()
  let down = false
  const server: Server = createTcpServer((client) => {
    if (down) return void client.destroy()
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    client.pause()
    const tryTarget = (i: number) => {
      const port = targets()[i]
      if (port === undefined) return client.destroy()
      const upstream = connect({ host, port })
      let linked = false
      upstream.on('error', () => (linked ? client.destroy() : tryTarget(i + 1)))
      upstream.once('connect', () => {
        linked = true
        client.on('close', () => upstream.destroy())
        upstream.on('close', () => client.destroy())
        client.pipe(upstream).pipe(client)
        client.resume()
      })
    }
    tryTarget(0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    /** Cuts every connection through it (a network fault), keeps listening. */
    cut: () => sockets.forEach((s) => s.destroy()),
    /** An outage of what is behind it: connections are cut and refused until `setDown(false)`. */
    setDown(value: boolean) {
      down = value
      if (down) sockets.forEach((s) => s.destroy())
    },
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy())
        server.close(() => resolve())
      }),
  }
}
