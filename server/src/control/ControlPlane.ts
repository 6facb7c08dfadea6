import type { Server as HttpServer } from 'node:http'
import type { Logger } from 'pino'
import { Server, type ServerOptions } from 'socket.io'
import {
  Role,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type WorkshopPresence,
} from '@sparboard/protocol'
import {
  allowControlRequest,
  controlHandshake,
  type ControlGuard,
} from '../security/controlGuard.js'
import { clientAddress } from '../security/clientAddress.js'
import type { Store, TokenGrant } from '../store/Store.js'
import { attachRelays, boardPresence, PresenceAnnouncer } from './attachRelays.js'
import { attachSession, type OnRemoved } from './attachSession.js'
import type { SessionRegistry } from './SessionRegistry.js'

interface SocketData {
  grant: TokenGrant
  participantId?: string
  boardId?: string | null
}

/** [C28] [C29] Who has the workshop open, from its control sockets (on every node). */
const workshopPresence = (sockets: readonly { data: SocketData }[]): WorkshopPresence => ({
  online: sockets.length,
  participants: [
    ...new Set(sockets.flatMap((s) => (s.data.participantId ? [s.data.participantId] : []))),
  ],
  facilitator: sockets.some((s) => s.data.grant.role === Role.facilitator),
})

/** What the control plane is built with. */
export interface ControlPlaneOptions {
  readonly store: Store
  readonly log: Logger
  /** Phase, timer, locks and participants of each workshop (see attachSession). */
  readonly sessions: SessionRegistry
  /** [C16] What else a removal ends: the participant's personal tokens and board connections. */
  readonly onParticipantRemoved: OnRemoved
  readonly guard?: ControlGuard
  /** Scale-out mode: broadcasts reach every node; websocket only, so no sticky sessions. */
  readonly scale?: { readonly adapter: ServerOptions['adapter'] }
}

/**
 * The session's control plane on `/socket.io`: who is here, phases and timer. Built before the
 * HTTP server exists (the app's routes close its connections); `attach` puts it on that server.
 */
export class ControlPlane {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
  /** Phase, timer, locks and participants of each workshop (see attachSession). */
  readonly sessions: SessionRegistry
  private readonly presence: PresenceAnnouncer
  private closing = false

  constructor({ store, log, sessions, onParticipantRemoved, guard, scale }: ControlPlaneOptions) {
    this.sessions = sessions
    this.io = new Server({
      // Without this engine.io destroys upgrades it does not own (our /yjs/) after 1 s.
      destroyUpgrade: false,
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      // A connection that never sends its handshake holds no place ([H23]); it goes soon.
      connectTimeout: 10_000,
      ...(guard && { allowRequest: allowControlRequest(guard) }),
      ...(scale && { adapter: scale.adapter, transports: ['websocket' as const] }),
    })
    this.io.use(controlHandshake(store, guard, log))
    const presence = new PresenceAnnouncer(this.io, log)
    this.presence = presence
    this.io.on('connection', (socket) => {
      const { workshopId, role } = socket.data.grant
      const room = `workshop:${workshopId}`
      void socket.join(room)
      socket.emit('session:hello', { workshopId, role, serverTime: Date.now() })
      const announce = () => {
        // Closing: the sockets leaving now must not ask other nodes through Redis, which is
        // about to close (the adapter leaves that publish's failure unhandled).
        if (this.closing) return
        // Scale-out: the workshop's sockets on every node, through the adapter.
        this.io
          .in(room)
          .fetchSockets()
          .then(
            (sockets) => this.io.to(room).emit('workshop:presence', workshopPresence(sockets)),
            (err: unknown) => log.debug({ err }, 'presence count failed'),
          )
      }
      announce()
      socket.on('disconnect', announce)
      // [C24] new participants join at a rate, per workshop and per address
      const address = guard ? clientAddress(socket.request, guard.trustProxyHops) : ''
      attachSession({
        io: this.io,
        socket,
        grant: socket.data.grant,
        sessions,
        store,
        log,
        onRemoved: onParticipantRemoved,
        admitJoin: () => guard?.joinRate.admit(workshopId, address) ?? 0,
        onJoined: announce,
      })
      // [C32] [C34] the facilitator's view and who is on which board: passed on, never stored
      attachRelays(this.io, socket, socket.data.grant, store, log, () => {
        if (!this.closing) presence.announce(workshopId)
      })
      // [C34] a newcomer hears at once who is where
      boardPresence(this.io, room).then(
        (boards) => socket.emit('presence:boards', boards),
        (err: unknown) => log.debug({ err }, 'board presence failed'),
      )
      socket.on('disconnect', () => {
        const idle = () => !this.io.sockets.adapter.rooms.get(room)?.size
        if (idle()) void this.sessions.release(workshopId, idle)
      })
      socket.on('error', (err) => log.debug({ err }, 'control socket error'))
    })
  }

  /**
   * Serves `/socket.io` on the server. After the app is the server's request listener: socket.io
   * takes its own requests and passes the others on to it.
   */
  attach(httpServer: HttpServer): void {
    this.io.attach(httpServer)
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
    await this.disconnectWhere(workshopId, (data) => data.grant.role === role)
  }

  /** [C16] Disconnects a removed participant's control connections. */
  async disconnectParticipant(workshopId: string, participantId: string): Promise<void> {
    await this.disconnectWhere(workshopId, (data) => data.participantId === participantId)
  }

  /**
   * This node's sockets only: in scale-out mode every node hears the revocation through Redis and
   * closes its own ([S10]). Asking the cluster instead (fetchSockets) waits for every node the
   * adapter knows, fails when one is slow, and misses a node it has not heard of yet.
   */
  private async disconnectWhere(workshopId: string, match: (data: SocketData) => boolean) {
    const sockets = await this.io.local.in(`workshop:${workshopId}`).fetchSockets()
    for (const socket of sockets) if (match(socket.data)) socket.disconnect(true)
  }

  async close(): Promise<void> {
    this.closing = true
    this.presence.close()
    await new Promise<void>((resolve) => void this.io.close(() => resolve()))
  }
}
