import { createServer as createHttpServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { boardOfRoom, Role } from '@sparboard/protocol'
import { ControlPlane } from './control/ControlPlane.js'
import { movePrivateNotes } from './control/movePrivateNotes.js'
import { SessionCache } from './control/SessionCache.js'
import { SessionRegistry } from './control/SessionRegistry.js'
import { readStoredSession } from './control/SessionState.js'
import { boardRule } from './control/boardRule.js'
import { voteRule } from './control/voteRule.js'
import { methodRule, storedMethods } from './control/methodRule.js'
import { tallyBallots } from './control/tallyBallots.js'
import { placeFallbackCards } from './control/placeFallbackCards.js'
import { createApp } from './http/createApp.js'
import { BoardHub, type BoardHubOptions } from './hub/BoardHub.js'
import { StoreBoardLogs } from './hub/BoardLog.js'
import { allRules } from './hub/ContentRule.js'
import { VersionKeeper } from './history/VersionKeeper.js'
import { watchWrites } from './history/watchWrites.js'
import { createLogger } from './logger.js'
import { createMetrics, Failures } from './metrics.js'
import { AuthThrottle } from './security/AuthThrottle.js'
import { ConnectionCaps } from './security/ConnectionCaps.js'
import { JoinRate } from './security/JoinRate.js'
import { originAllowed } from './security/originAllowed.js'
import { RetentionSweeper } from './security/RetentionSweeper.js'
import { defaultSecurityOptions, type SecurityOptions } from './security/SecurityOptions.js'
import { trackActivity } from './security/trackActivity.js'
import { UpgradeGuard } from './security/UpgradeGuard.js'
import type { ScaleOut } from './scale/createScaleOut.js'
import {
  defaultExportPoolOptions,
  ExportPool,
  type ExportPoolOptions,
} from './export/ExportPool.js'
import { watchServices } from './scale/watchServices.js'
import { DATA_FILE } from './store/backupDatabase.js'
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
  /** How often boards are kept as versions, and how many. */
  readonly history?: Partial<HistoryOptions>
  /** Export workers: how many, their time budget per board and memory (export/ExportPool.ts). */
  readonly exports?: Partial<ExportPoolOptions>
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
  // [H24] The board page sends its pointer ~30 times a second, a few KiB with a big selection.
  awarenessMessagesPerSecond: 60,
  awarenessMessageBurst: 120,
  awarenessBytesPerSecond: 64 * 1024,
  awarenessByteBurst: 256 * 1024,
  awarenessFloodFactor: 4,
  // ~0.1 s of CPU a second per board at the ~27 µs a send measured with 2,000 receivers.
  awarenessRelaySendsPerSecond: 4000,
  awarenessRelaySendBurst: 2000,
}

/** A board's versions: after this much activity, and how many besides the newest of each phase. */
export interface HistoryOptions {
  readonly activityMs: number
  readonly keep: number
}

export const defaultHistoryOptions: HistoryOptions = { activityMs: 5 * 60_000, keep: 50 }

export interface SparboardServer {
  readonly httpServer: HttpServer
  readonly store: Store
  readonly hub: BoardHub
  readonly control: ControlPlane
  /** Boards' versions: timeline, restore, RETENTION_DAYS sweep. */
  readonly versions: VersionKeeper
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
 * Builds the whole server without listening. Parts are built in the order they depend on each
 * other, each with the hooks it calls passed in (docs/architecture.md, "Server wiring").
 * @example const server = createServer({ dataDir: './data' }); await server.listen(0)
 */
export function createServer(options: ServerOptions = {}): SparboardServer {
  const { scaleOut } = options
  const log = options.logger ?? createLogger()
  const failures = scaleOut?.failures ?? new Failures(log)
  const store =
    options.store ??
    scaleOut?.store ??
    new SqliteStore(join(options.dataDir ?? './data', DATA_FILE), {
      report: failures.report,
    })
  const metrics = createMetrics(failures)
  let publicUrl = options.publicUrl ?? ''
  let ready = false
  const security: SecurityOptions = { ...defaultSecurityOptions, ...options.security }
  const throttle = new AuthThrottle(security, log)
  // [H23] one count across /yjs and /socket.io: what a person opens is boards and a control plane
  const caps = new ConnectionCaps(
    security.maxConnectionsPerAddress,
    security.maxConnectionsPerToken,
  )
  const exportPool = new ExportPool({ ...defaultExportPoolOptions, ...options.exports }, log)
  const allowedOrigin = originAllowed(() => publicUrl, security.allowedOrigins)
  const upgrades = new UpgradeGuard(store, throttle, caps, allowedOrigin, security.trustProxyHops)

  // The sessions as this node holds them: what the hub's rules read, loaded before a connection
  // joins, then current without waiting; the registry below changes them.
  const sessionCache = new SessionCache(store, scaleOut?.sessionSync)
  /** A workshop's session now: the cached one, else as stored (a board outlives its visitors). */
  const sessionNow = async (workshopId: string) =>
    sessionCache.viewNow(workshopId) ?? readStoredSession(await store.getSession(workshopId))

  const hubStore = trackActivity(store, failures.report)
  // [H28] each workshop's method options, read once (they never change)
  const methods = storedMethods(store)
  // Every stored write of a board counts as its activity (versions follow it).
  const watched = watchWrites(scaleOut?.boardLogs ?? new StoreBoardLogs(hubStore))
  const hub = new BoardHub(
    hubStore,
    {
      ...defaultHubOptions,
      // [H18] participants do not write on a board the facilitator locked (nor its private rooms)
      writePolicy: {
        prepare: (workshopId) => sessionCache.prepare(workshopId),
        allows: (workshopId, roomId, role) =>
          role === Role.facilitator || !sessionCache.lockedNow(workshopId, boardOfRoom(roomId)),
      },
      // [H26] the board's schema and limits on every write; [H21] votes: a participant's own,
      // with their side, in the voting phase, within the budget
      // [H28] the method's links and double majority
      contentRule: allRules(
        boardRule(sessionCache),
        voteRule(sessionCache),
        methodRule(methods, sessionCache),
      ),
      ...options.hub,
    },
    metrics,
    log,
    watched.boardLogs,
  )

  const sessions = new SessionRegistry({
    cache: sessionCache,
    store,
    // [C19] the reveal moves every author's private notes onto the boards, absent authors' too
    moveRevealed: async (workshopId) => {
      try {
        // [H27] a removed participant's private notes are never revealed
        const removed = new Set((await sessionNow(workshopId)).removed)
        const moved = await movePrivateNotes(workshopId, {
          store,
          hub,
          log,
          removed: (id) => removed.has(id),
        })
        log.info({ workshop: workshopId, moved }, 'private notes revealed')
      } catch (err) {
        log.error({ err, workshop: workshopId }, 'reveal not finished; it stays pending')
        failures.counter.inc({ task: 'reveal' })
        throw err
      }
    },
    // [C33] a closed blind round's ballots go onto the boards before anyone hears of the close
    tallyBallots: async (workshopId, ballots) => {
      try {
        const placed = await tallyBallots(ballots, hub)
        log.info({ workshop: workshopId, placed }, 'votes tallied')
      } catch (err) {
        log.error({ err, workshop: workshopId }, 'tally not finished; the ballots stay stored')
        failures.counter.inc({ task: 'tally' })
        throw err
      }
    },
    // [FB1] revealed "if we don't agree" cards go onto their board before anyone hears of it
    placeFallbacks: async (workshopId, cards) => {
      try {
        const boards = await placeFallbackCards(cards, Date.now(), hub)
        log.info({ workshop: workshopId, boards }, 'fallback cards revealed')
      } catch (err) {
        log.error(
          { err, workshop: workshopId },
          'fallback reveal not finished; the cards stay stored',
        )
        failures.counter.inc({ task: 'reveal' })
        throw err
      }
    },
  })

  const versions = new VersionKeeper({
    store,
    hub,
    phaseOf: async (workshopId) => {
      // Read, not loaded into the cache: a board may be kept after everyone left.
      const view = await sessionNow(workshopId)
      return view.agendaStarted ? view.phase : null
    },
    writes: watched.writes,
    // Each board as the phase left it, once its private notes are on it ([C19])
    phases: sessions.events,
    log,
    report: failures.report,
    retentionDays: security.retentionDays,
    ...defaultHistoryOptions,
    ...options.history,
  })

  const control = new ControlPlane({
    store,
    log,
    sessions,
    guard: {
      throttle,
      caps,
      joinRate: new JoinRate(security),
      originAllowed: allowedOrigin,
      trustProxyHops: security.trustProxyHops,
      eventsPerSecond: security.controlEventsPerSecond,
      eventBurst: security.controlEventBurst,
    },
    scale: scaleOut,
    // [C16] a removed participant's own token stops, and their board connections close (4401)
    onParticipantRemoved: async (workshopId, participantId) => {
      await store.deletePersonalTokens(workshopId, participantId)
      hub.closeParticipant(workshopId, participantId)
      // Scale-out: the other nodes close that person's board connections too.
      await scaleOut?.revokeParticipant(workshopId, participantId)
    },
  })

  /** Deletes a workshop: its data, its open board connections, its control connections. */
  const eraseWorkshop = async (id: string) => {
    const boardIds = (await store.getWorkshop(id))?.boards.map((b) => b.id) ?? []
    const deleted = await store.deleteWorkshop(id)
    hub.forgetDamaged(boardIds)
    const boards = hub.closeWorkshop(id)
    control.disconnectWorkshop(id)
    sessionCache.forget(id)
    methods.forget(id)
    if (deleted) log.info({ workshop: id, boards }, 'workshop deleted')
    return deleted
  }
  const services = scaleOut ? watchServices(scaleOut, hub, log) : null

  const app = createApp({
    store,
    publicUrl: () => publicUrl,
    registry: metrics.registry,
    log,
    clientDir: options.clientDir,
    isReady: () => ready,
    services: services ? () => services.services : undefined,
    security,
    throttle,
    erase: eraseWorkshop,
    liveDoc: (boardId) => hub.liveDoc(boardId),
    exportPool,
    versions: { list: (id) => versions.list(id), restore: (id, v) => versions.restore(id, v) },
    damagedBoards: () => [...hub.damagedBoards().keys()],
    report: failures.report,
    // [C15] a replaced link stops at once: its board sockets (4401) and control sockets go
    revoke: async (workshopId, role) => {
      hub.closeRole(workshopId, role)
      // Scale-out: the other nodes close their board connections of that role too.
      await scaleOut?.revokeRole(workshopId, role)
      await control.disconnectRole(workshopId, role)
    },
  })
  // socket.io after the app: it takes /socket.io requests and hands the app the others
  const httpServer = createHttpServer(app)
  control.attach(httpServer)
  httpServer.on('upgrade', (req, socket, head) => {
    // socket.io handles its own upgrades (destroyUpgrade: false leaves ours alone)
    if (req.url?.startsWith('/socket.io/')) return
    if (!req.url?.startsWith('/yjs/')) return void socket.destroy()
    socket.on('error', destroySocket)
    upgrades.admit(req, socket).then(
      (admitted) => {
        if (admitted) hub.handleUpgrade(req, socket, head, admitted.workshopId, admitted.refuse)
      },
      (err: unknown) => {
        log.error({ err }, 'upgrade check failed')
        socket.destroy()
      },
    )
  })
  httpServer.on('clientError', (_err, socket) => socket.destroy())

  // Everything is built: background work starts.
  control
    .finishPendingReveals()
    .catch((err: unknown) => log.error({ err }, 'pending reveals could not be finished'))
  scaleOut?.sweeper.start()
  // [S10] every node closes its own connections of a replaced link or a removed participant
  scaleOut?.onRoleRevoked((workshopId, role) => {
    hub.closeRole(workshopId, role)
    control
      .disconnectRole(workshopId, role)
      .catch((err: unknown) => failures.report('disconnect-role', err, { workshopId }))
  })
  scaleOut?.onParticipantRevoked((workshopId, participantId) => {
    hub.closeParticipant(workshopId, participantId)
    control
      .disconnectParticipant(workshopId, participantId)
      .catch((err: unknown) => failures.report('disconnect-participant', err, { workshopId }))
  })
  const retention = security.retentionDays
    ? new RetentionSweeper({ days: security.retentionDays, store, erase: eraseWorkshop, log })
    : null

  let closed: Promise<void> | null = null
  return {
    httpServer,
    store,
    hub,
    control,
    versions,
    eraseWorkshop,
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
        await scaleOut?.sweeper.stop()
        await versions.close()
        await hub.close()
        await control.close()
        await exportPool.close()
        httpServer.closeAllConnections()
        await new Promise<void>((resolve) => httpServer.close(() => resolve()))
        await store.close()
        await scaleOut?.close()
      })()
      return closed
    },
  }
}
