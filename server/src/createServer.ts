import { createServer as createHttpServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { boardOfRoom } from '@sparboard/protocol'
import { ControlPlane } from './control/ControlPlane.js'
import { movePrivateNotes } from './control/movePrivateNotes.js'
import { voteRule } from './control/voteRule.js'
import { createApp } from './http/createApp.js'
import { BoardHub, type BoardHubOptions } from './hub/BoardHub.js'
import { createLogger } from './logger.js'
import { createMetrics } from './metrics.js'
import { AuthThrottle } from './security/AuthThrottle.js'
import { RetentionSweeper } from './security/RetentionSweeper.js'
import { defaultSecurityOptions, type SecurityOptions } from './security/SecurityOptions.js'
import { trackActivity } from './security/trackActivity.js'
import { UpgradeGuard } from './security/UpgradeGuard.js'
import type { ScaleOut } from './scale/createScaleOut.js'
import { watchServices } from './scale/watchServices.js'
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
  /** Headers, rate limits, creation secret, retention (see security/SecurityOptions.ts). */
  readonly security?: Partial<SecurityOptions>
  /**
   * Scale-out mode (connect it with `createScaleOut`): workshops in PostgreSQL, board updates
   * written ahead to Redis streams, socket.io broadcasts across nodes. Overrides `dataDir`.
   */
  readonly scaleOut?: ScaleOut
}

/**
 * Shared by every upgrade: a closure in the upgrade handler would share its scope with `req` and
 * `head`, and the socket would keep both (~1.5 KiB) for as long as it is open.
 */
function destroySocket(this: Duplex): void {
  this.destroy()
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
  /** Deletes a workshop: its data, its open board connections, its control connections. */
  eraseWorkshop(workshopId: string): Promise<boolean>
  /** Runs the retention sweep now (when RETENTION_DAYS is set); resolves with how many went. */
  sweepRetention(): Promise<number>
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
    options.store ??
    options.scaleOut?.store ??
    new SqliteStore(join(options.dataDir ?? './data', 'sparboard.sqlite'))
  const metrics = createMetrics()
  let publicUrl = options.publicUrl ?? ''
  let ready = false
  const security: SecurityOptions = { ...defaultSecurityOptions, ...options.security }
  const throttle = new AuthThrottle(security.authFailureLimit, security.authFailureWindowMs, log)
  const upgrades = new UpgradeGuard(store, throttle, security.trustProxyHops)
  // Assigned below; the routes only call it once the server runs.
  let eraseWorkshop = async (_id: string) => false

  const app = createApp({
    store,
    publicUrl: () => publicUrl,
    registry: metrics.registry,
    log,
    clientDir: options.clientDir,
    isReady: () => ready,
    services: options.scaleOut ? () => services!.services : undefined,
    security,
    throttle,
    erase: (id) => eraseWorkshop(id),
    liveDoc: (boardId) => hub.liveDoc(boardId),
    // [C15] a replaced link stops at once: its board sockets (4401) and control sockets go
    revoke: async (workshopId, role) => {
      hub.closeRole(workshopId, role)
      // Scale-out: the other nodes close their board connections of that role too.
      await options.scaleOut?.revokeRole(workshopId, role)
      await control.disconnectRole(workshopId, role)
    },
  })
  const httpServer = createHttpServer(app)
  const hub = new BoardHub(
    trackActivity(store),
    {
      ...defaultHubOptions,
      // [H18] participants do not write on a board the facilitator locked (nor its private rooms)
      writePolicy: {
        prepare: (workshopId) => control.sessions.loadView(workshopId),
        allows: (workshopId, roomId, role) =>
          role === 'facilitator' || !control.sessions.lockedNow(workshopId, boardOfRoom(roomId)),
      },
      // [H21] votes: a participant's own, with their side, in the voting phase, within the budget
      contentRule: voteRule({
        prepare: (workshopId) => control.sessions.loadView(workshopId),
        viewNow: (workshopId) => control.sessions.viewNow(workshopId),
      }),
      ...options.hub,
    },
    metrics,
    log,
    options.scaleOut?.boardLogs,
  )
  const control = new ControlPlane(
    httpServer,
    store,
    log,
    {
      throttle,
      trustProxyHops: security.trustProxyHops,
      eventsPerSecond: security.controlEventsPerSecond,
      eventBurst: security.controlEventBurst,
    },
    options.scaleOut,
  )
  // [C19] the reveal moves every author's private notes onto the boards, absent authors' too
  control.sessions.revealMover = async (workshopId) => {
    try {
      const moved = await movePrivateNotes(workshopId, { store, hub, log })
      log.info({ workshop: workshopId, moved }, 'private notes revealed')
    } catch (err) {
      log.error({ err, workshop: workshopId }, 'reveal not finished; it stays pending')
      throw err
    }
  }
  control
    .finishPendingReveals()
    .catch((err: unknown) => log.error({ err }, 'pending reveals could not be finished'))
  const services = options.scaleOut ? watchServices(options.scaleOut, hub, log) : null
  options.scaleOut?.sweeper.start()
  options.scaleOut?.onRoleRevoked((workshopId, role) => hub.closeRole(workshopId, role))
  // [C16] a removed participant's own token stops, and their board connections close (4401)
  control.onParticipantRemoved = async (workshopId, participantId) => {
    await store.deletePersonalTokens(workshopId, participantId)
    hub.closeParticipant(workshopId, participantId)
    // Scale-out: the other nodes close that person's board connections too.
    await options.scaleOut?.revokeParticipant(workshopId, participantId)
  }
  options.scaleOut?.onParticipantRevoked((workshopId, participantId) =>
    hub.closeParticipant(workshopId, participantId),
  )
  eraseWorkshop = async (id) => {
    const deleted = await store.deleteWorkshop(id)
    const boards = hub.closeWorkshop(id)
    control.disconnectWorkshop(id)
    control.sessions.forget(id)
    if (deleted) log.info({ workshop: id, boards }, 'workshop deleted')
    return deleted
  }
  const retention = security.retentionDays
    ? new RetentionSweeper({ days: security.retentionDays, store, erase: eraseWorkshop, log })
    : null
  httpServer.on('upgrade', (req, socket, head) => {
    // socket.io handles its own upgrades (destroyUpgrade: false leaves ours alone)
    if (req.url?.startsWith('/socket.io/')) return
    if (!req.url?.startsWith('/yjs/')) return void socket.destroy()
    socket.on('error', destroySocket)
    upgrades.admit(req, socket).then(
      (workshopId) => {
        if (workshopId !== false) hub.handleUpgrade(req, socket, head, workshopId)
      },
      (err: unknown) => {
        log.error({ err }, 'upgrade check failed')
        socket.destroy()
      },
    )
  })
  httpServer.on('clientError', (_err, socket) => socket.destroy())

  let closed: Promise<void> | null = null
  return {
    httpServer,
    store,
    hub,
    control,
    eraseWorkshop: (id) => eraseWorkshop(id),
    sweepRetention: () => retention?.sweep() ?? Promise.resolve(0),
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
        await retention?.stop()
        services?.stop()
        // Before the rooms' last compactions and the store close: no sweep is left under way.
        await options.scaleOut?.sweeper.stop()
        await hub.close()
        await control.close()
        httpServer.closeAllConnections()
        await new Promise<void>((resolve) => httpServer.close(() => resolve()))
        await store.close()
        await options.scaleOut?.close()
      })()
      return closed
    },
  }
}
