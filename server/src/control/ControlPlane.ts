import type { Server as HttpServer } from 'node:http'
import type { Logger } from 'pino'
import { Server, type ServerOptions } from 'socket.io'
import type { ClientToServerEvents, Role, ServerToClientEvents } from '@sparboard/protocol'
import type { AuthThrottle } from '../security/AuthThrottle.js'
import { clientAddress } from '../security/clientAddress.js'
import { limitControlEvents } from '../security/controlGuard.js'
import type { Store, TokenGrant } from '../store/Store.js'

/** Who may open a control connection, and how fast it may talk. */
export interface ControlGuard {
  readonly throttle: AuthThrottle
  readonly trustProxyHops: number
  readonly eventsPerSecond: number
  readonly eventBurst: number
}
import { attachSession, type OnRemoved } from './attachSession.js'
import { SessionRegistry, type SessionSync } from './SessionRegistry.js'

interface SocketData {
  grant: TokenGrant
}

/** The session's control plane on `/socket.io`: who is here, and (later) phases and timer. */
export class ControlPlane {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
  /** Phase, timer, locks and participants of each workshop (see attachSession). */
  readonly sessions: SessionRegistry
  /** [C16] Set by the server: ends a removed participant's personal tokens and board connections. */
  onParticipantRemoved: OnRemoved = async () => {}

  constructor(
    httpServer: HttpServer,
    store: Store,
    log: Logger,
    guard?: ControlGuard,
    /** Scale-out mode: broadcasts reach every node; websocket only, so no sticky sessions. */
    scale?: { readonly adapter: ServerOptions['adapter']; readonly sessionSync?: SessionSync },
  ) {
    this.sessions = new SessionRegistry(store, scale?.sessionSync)
    this.io = new Server(httpServer, {
      // Without this engine.io destroys upgrades it does not own (our /yjs/) after 1 s.
      destroyUpgrade: false,
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      ...(scale && { adapter: scale.adapter, transports: ['websocket' as const] }),
    })
    this.io.use(async (socket, next) => {
      const address = guard ? clientAddress(socket.request, guard.trustProxyHops) : ''
      const retryAfter = guard?.throttle.retryAfter(address) ?? 0
      if (retryAfter > 0) {
        const err = new Error('too many failed attempts') as Error & { data?: unknown }
        err.data = { retryAfter }
        return next(err)
      }
      const token = (socket.handshake.auth as { token?: unknown }).token
      const grant = typeof token === 'string' && token ? await store.findToken(token) : null
      if (!grant) {
        if (typeof token === 'string' && token) guard?.throttle.fail(address, 'socket.io')
        return next(new Error('unknown token'))
      }
      socket.data.grant = grant
      if (guard)
        limitControlEvents(socket, {
          perSecond: guard.eventsPerSecond,
          burst: guard.eventBurst,
          log,
        })
      next()
    })
    this.io.on('connection', (socket) => {
      const { workshopId, role } = socket.data.grant
      const room = `workshop:${workshopId}`
      void socket.join(room)
      socket.emit('session:hello', { workshopId, role, serverTime: Date.now() })
      const announce = () => {
        // Closing: the sockets leaving now must not ask other nodes through Redis, which is
        // about to close (the adapter leaves that publish's failure unhandled).
        if (this.closing) return
        if (scale) {
          // Scale-out: count the workshop's sockets on every node, through the adapter.
          this.io
            .in(room)
            .fetchSockets()
            .then(
              (sockets) => this.io.to(room).emit('workshop:presence', { online: sockets.length }),
              (err: unknown) => log.debug({ err }, 'presence count failed'),
            )
          return
        }
        const online = this.io.sockets.adapter.rooms.get(room)?.size ?? 0
        this.io.to(room).emit('workshop:presence', { online })
      }
      announce()
      socket.on('disconnect', announce)
      attachSession(this.io, socket, socket.data.grant, this.sessions, store, log, (w, p) =>
        this.onParticipantRemoved(w, p),
      )
      socket.on('disconnect', () => {
        const idle = () => !this.io.sockets.adapter.rooms.get(room)?.size
        if (idle()) void this.sessions.release(workshopId, idle)
      })
      socket.on('error', (err) => log.debug({ err }, 'control socket error'))
    })
  }

  /**
   * [C19] Finishes the reveals a stopped server left pending (at start-up), then forgets the
   * sessions of those workshops nobody is connected to.
   */
  async finishPendingReveals(): Promise<void> {
    for (const workshopId of await this.sessions.finishPendingReveals()) {
      const idle = () => !this.io.sockets.adapter.rooms.get(`workshop:${workshopId}`)?.size
      if (idle()) await this.sessions.release(workshopId, idle)
    }
  }

  /** Disconnects every control connection of a workshop (it was deleted). */
  disconnectWorkshop(workshopId: string): void {
    this.io.in(`workshop:${workshopId}`).disconnectSockets(true)
  }

  /** [C15] Disconnects the control connections opened with a role's token (its link was replaced). */
  async disconnectRole(workshopId: string, role: Role): Promise<void> {
    const sockets = await this.io.in(`workshop:${workshopId}`).fetchSockets()
    for (const socket of sockets) if (socket.data.grant.role === role) socket.disconnect(true)
  }

  private closing = false

  async close(): Promise<void> {
    this.closing = true
    await new Promise<void>((resolve) => void this.io.close(() => resolve()))
  }
}
