import type { Server as HttpServer } from 'node:http'
import type { Logger } from 'pino'
import { Server } from 'socket.io'
import type { ClientToServerEvents, ServerToClientEvents } from '@sparboard/protocol'
import type { Store, TokenGrant } from '../store/Store.js'
import { attachSession } from './attachSession.js'
import { SessionRegistry } from './SessionRegistry.js'

interface SocketData {
  grant: TokenGrant
}

/** The session's control plane on `/socket.io`: who is here, and (later) phases and timer. */
export class ControlPlane {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
  /** Phase, timer, locks and participants of each workshop (see attachSession). */
  readonly sessions: SessionRegistry

  constructor(httpServer: HttpServer, store: Store, log: Logger) {
    this.sessions = new SessionRegistry(store)
    this.io = new Server(httpServer, {
      // Without this engine.io destroys upgrades it does not own (our /yjs/) after 1 s.
      destroyUpgrade: false,
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
    })
    this.io.use(async (socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token
      const grant = typeof token === 'string' && token ? await store.findToken(token) : null
      if (!grant) return next(new Error('unknown token'))
      socket.data.grant = grant
      next()
    })
    this.io.on('connection', (socket) => {
      const { workshopId, role } = socket.data.grant
      const room = `workshop:${workshopId}`
      void socket.join(room)
      socket.emit('session:hello', { workshopId, role, serverTime: Date.now() })
      const announce = () => {
        const online = this.io.sockets.adapter.rooms.get(room)?.size ?? 0
        this.io.to(room).emit('workshop:presence', { online })
      }
      announce()
      socket.on('disconnect', announce)
      attachSession(this.io, socket, socket.data.grant, this.sessions, store, log)
      socket.on('disconnect', () => {
        if (!this.io.sockets.adapter.rooms.get(room)?.size) void this.sessions.release(workshopId)
      })
      socket.on('error', (err) => log.debug({ err }, 'control socket error'))
    })
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => void this.io.close(() => resolve()))
  }
}
