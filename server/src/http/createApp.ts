import express, { type ErrorRequestHandler } from 'express'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import type { Registry } from 'prom-client'
import type { Store } from '../store/Store.js'
import { redactUrl } from '../logger.js'
import { accessLog } from '../security/accessLog.js'
import type { AuthThrottle } from '../security/AuthThrottle.js'
import { creationGuard } from '../security/creationGuard.js'
import { securityHeaders } from '../security/securityHeaders.js'
import type { SecurityOptions } from '../security/SecurityOptions.js'
import { workshopRoutes, type WorkshopRoutesOptions } from './workshopRoutes.js'
import { followUpRoute } from '../control/followUpRoute.js'
import { seriesRoute } from '../control/seriesRoute.js'
import { exportRoutes, type ExportRouteOptions } from './exportRoutes.js'
import { recurringRoutes } from './recurringRoutes.js'
import { versionRoutes, type VersionRoutesOptions } from '../history/versionRoutes.js'
import type { ReportFailure } from '../metrics.js'

export interface AppOptions {
  readonly store: Store
  readonly publicUrl: () => string
  readonly registry: Registry
  readonly log: Logger
  /** The built client (client/dist); not served when absent. */
  readonly clientDir?: string
  readonly isReady: () => boolean
  /** Scale-out mode: Redis and PostgreSQL as the outage watch last found them ([S7]). */
  readonly services?: () => Readonly<Record<string, 'up' | 'down'>>
  readonly security: SecurityOptions
  readonly throttle: AuthThrottle
  readonly erase: (workshopId: string) => Promise<boolean>
  /** Cuts off every connection of a role's token that was just replaced ([C15]). */
  readonly revoke?: WorkshopRoutesOptions['revoke']
  readonly liveDoc?: ExportRouteOptions['liveDoc']
  readonly exportPool: ExportRouteOptions['exportPool']
  /** Boards' timelines and restores (the facilitator's). */
  readonly versions?: VersionRoutesOptions['versions']
  /** [H22] Boards found damaged on this node: `/healthz` lists them. */
  readonly damagedBoards?: () => readonly string[]
  /** Where failures nobody awaits are logged and counted (e.g. a lost activity touch). */
  readonly report: ReportFailure
}

/** The express app: API, health, metrics and the built client. */
export function createApp(options: AppOptions): express.Express {
  const app = express()
  const { security } = options
  app.disable('x-powered-by')
  // Read by middleware that starts work nobody awaits (requireGrant's activity touch).
  app.locals.reportFailure = options.report
  app.set('trust proxy', security.trustProxyHops)
  app.use(
    securityHeaders({
      frameAncestors: security.frameAncestors,
      tlsInFront: security.trustProxyHops > 0,
    }),
  )
  app.use(accessLog(options.log))
  // No CORS middleware on purpose: other origins get no Access-Control-Allow-* headers.
  app.use('/api', (_req, res, next) => {
    // Answers carry tokens and links; no cache may keep them.
    res.set('Cache-Control', 'no-store')
    next()
  })
  app.use(express.json({ limit: '256kb' }))

  app.get('/healthz', (_req, res) => {
    if (!options.isReady()) return void res.status(503).json({ status: 'starting' })
    // [H22] a damaged board is one board's trouble, not the node's: it stays in the balancer
    const damaged = options.damagedBoards?.() ?? []
    const degraded = damaged.length > 0 ? { damagedBoards: damaged } : {}
    const services = options.services?.()
    // A node that cannot reach Redis or PostgreSQL serves no board: the balancer takes it out.
    const down = services ? Object.values(services).includes('down') : false
    const status = down ? 'unavailable' : damaged.length > 0 ? 'degraded' : 'ok'
    res.status(down ? 503 : 200).json({ status, ...(services && { services }), ...degraded })
  })
  app.get('/metrics', async (_req, res) => {
    res.type(options.registry.contentType).send(await options.registry.metrics())
  })
  app.use(
    '/api/workshops',
    workshopRoutes({
      store: options.store,
      publicUrl: options.publicUrl,
      throttle: options.throttle,
      trustProxyHops: security.trustProxyHops,
      erase: options.erase,
      revoke: options.revoke,
      creationGuard: creationGuard({
        limit: security.createLimit,
        windowMs: security.createWindowMs,
        createSecret: security.createSecret,
        throttle: options.throttle,
        trustProxyHops: security.trustProxyHops,
      }),
    }),
  )
  app.use('/api', exportRoutes(options))
  app.use(
    '/api/workshops',
    followUpRoute(options.store, options.publicUrl, {
      throttle: options.throttle,
      trustProxyHops: security.trustProxyHops,
    }),
  )
  app.use(
    '/api/workshops',
    seriesRoute({
      store: options.store,
      throttle: options.throttle,
      trustProxyHops: security.trustProxyHops,
      liveDoc: options.liveDoc,
    }),
  )
  app.use(
    '/api/workshops',
    recurringRoutes({
      store: options.store,
      throttle: options.throttle,
      trustProxyHops: security.trustProxyHops,
      liveDoc: options.liveDoc,
      exportPool: options.exportPool,
    }),
  )
  if (options.versions)
    app.use(
      '/api/boards',
      versionRoutes({
        store: options.store,
        throttle: options.throttle,
        trustProxyHops: security.trustProxyHops,
        versions: options.versions,
      }),
    )
  app.use('/api', (_req, res) => void res.status(404).json({ error: 'not found' }))

  const { clientDir } = options
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }))
    // Client-side routes (/w/..., /) all load the app shell.
    app.get(/^\/(?!api\/|yjs\/|socket\.io\/).*/, (_req, res) =>
      res.sendFile(join(clientDir, 'index.html')),
    )
  }

  const onError: ErrorRequestHandler = (
    err: { status?: number; type?: string; message?: string },
    req,
    res,
    _next,
  ) => {
    const status =
      typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500
    if (status === 500)
      options.log.error({ err, url: redactUrl(req.originalUrl) }, 'request failed')
    const error =
      status === 500
        ? 'internal error'
        : err.type === 'entity.parse.failed'
          ? 'body is not valid JSON'
          : (err.message ?? 'bad request')
    res.status(status).json({ error, field: status === 400 || status === 413 ? 'body' : undefined })
  }
  app.use(onError)
  return app
}
