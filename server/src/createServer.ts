import { createServer as createHttpServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { ControlPlane } from './control/ControlPlane.js'
import { createApp } from './http/createApp.js'
import { BoardHub, type BoardHubOptions } from './hub/BoardHub.js'
import { createLogger } from './logger.js'
import { createMetrics } from './metrics.js'
import { SqliteStore } from './store/SqliteStore.js'
import type { Store } from './store/Store.js'

/** Everything the server can be told; only the entry file reads the environment. */
export interface ServerOptions {
  /** Where the SQLite file lives (ignored when `store` is given). */
  readonly dataDir?: string
  readonly store?: Store
  /** Base of the links handed out; default `http://localhost:<port>` once listening. */
  readonly publicUrl?: string
  /** The built client to serve. */
  readonly clientDir?: string
  readonly logger?: Logger
  readonly hub?: Partial<BoardHubOptions>
}

export const defaultHubOptions: BoardHubOptions = {
  maxPayloadBytes: 2 * 1024 * 1024,
  maxBufferedBytes: 8 * 1024 * 1024,
  maxBoardBytes: 64 * 1024 * 1024,
  maxAwarenessBytes: 16 * 1024,
  compactAfterRows: 500,
  compactAfterBytes: 4 * 1024 * 1024,
  heartbeatMs: 30_000,
  // A fast typist sends ~15 updates/s, a dragging user ~60 moves/s plus as many cursor moves.
  rateMessagesPerSecond: 300,
  rateMessageBurst: 1000,
  rateBytesPerSecond: 4 * 1024 * 1024,
  // One maximal payload must always fit, even right after a reconnect's sync step 2.
  rateByteBurst: 8 * 1024 * 1024,
}

export interface SparboardServer {
  readonly httpServer: HttpServer
  readonly store: Store
  readonly hub: BoardHub
  readonly control: ControlPlane
  /** Listens; resolves with the bound port and base URL (use port 0 in tests). */
  listen(port: number, host?: string): Promise<{ port: number; url: string }>
  /** Closes connections (1001), flushes every board and closes the store. */
  close(): Promise<void>
}

/**
 * Builds the whole server without listening.
 * @example const server = createServer({ dataDir: './data' }); await server.listen(0)
 */
export function createServer(options: ServerOptions = {}): SparboardServer {
  const log = options.logger ?? createLogger()
  const store =
    options.store ?? new SqliteStore(join(options.dataDir ?? './data', 'sparboard.sqlite'))
  const metrics = createMetrics()
  let publicUrl = options.publicUrl ?? ''
  let ready = false

  const app = createApp({
    store,
    publicUrl: () => publicUrl,
    registry: metrics.registry,
    log,
    clientDir: options.clientDir,
    isReady: () => ready,
  })
  const httpServer = createHttpServer(app)
  const hub = new BoardHub(store, { ...defaultHubOptions, ...options.hub }, metrics, log)
  const control = new ControlPlane(httpServer, store, log)
  httpServer.on('upgrade', (req, socket, head) => {
    // socket.io handles its own upgrades (destroyUpgrade: false leaves ours alone)
    if (!hub.handleUpgrade(req, socket, head) && !req.url?.startsWith('/socket.io/'))
      socket.destroy()
  })
  httpServer.on('clientError', (_err, socket) => socket.destroy())

  let closed: Promise<void> | null = null
  return {
    httpServer,
    store,
    hub,
    control,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject)
        httpServer.listen(port, host, () => {
          const bound = (httpServer.address() as AddressInfo).port
          publicUrl ||= `http://localhost:${bound}`
          ready = true
          resolve({
            port: bound,
            url: `http://${host && host !== '0.0.0.0' ? host : '127.0.0.1'}:${bound}`,
          })
        })
      })
    },
    close() {
      closed ??= (async () => {
        ready = false
        await hub.close()
        await control.close()
        httpServer.closeAllConnections()
        await new Promise<void>((resolve) => httpServer.close(() => resolve()))
        await store.close()
      })()
      return closed
    },
  }
}
