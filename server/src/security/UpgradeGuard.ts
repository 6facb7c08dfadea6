import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { CloseCode } from '@sparboard/protocol'
import type { Store } from '../store/Store.js'
import type { AuthThrottle } from './AuthThrottle.js'
import { clientAddress } from './clientAddress.js'
import type { ConnectionCaps } from './ConnectionCaps.js'

/** What the hub is to do with an upgrade the guard let through. */
export interface Admission {
  /** The workshop the token opens; null for none (the hub refuses it with 4401). */
  readonly workshopId: string | null
  /** Set when the hub must accept the upgrade only to close it with this code. */
  readonly refuse?: typeof CloseCode.tooManyConnections
}

const answer = (socket: Duplex, status: string, headers = '') =>
  socket.end(`HTTP/1.1 ${status}\r\n${headers}Connection: close\r\nContent-Length: 0\r\n\r\n`)

/**
 * Guards `/yjs/` upgrades before the hub sees them: a page of another origin gets 403; the token
 * is looked up first, so a valid one is always let in (within the connection caps), and only a
 * failed lookup counts against its address (429 once the throttle says so). The workshop it finds
 * goes to the hub, which closes the connection if that workshop is deleted
 * (`BoardHub.closeWorkshop`).
 */
export class UpgradeGuard {
  constructor(
    private readonly store: Store,
    private readonly throttle: AuthThrottle,
    private readonly caps: ConnectionCaps,
    private readonly originAllowed: (req: IncomingMessage) => boolean,
    private readonly trustProxyHops: number,
  ) {}

  /** Resolves with what the hub is to do, or false when the upgrade was answered here. */
  async admit(req: IncomingMessage, socket: Duplex): Promise<Admission | false> {
    if (!this.originAllowed(req)) {
      answer(socket, '403 Forbidden')
      return false
    }
    const address = clientAddress(req, this.trustProxyHops)
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token')
    const grant = token ? await this.store.findToken(token) : null
    if (token && !grant) {
      const retryAfter = await this.throttle.failed(address, token, 'yjs')
      if (retryAfter > 0) {
        answer(socket, '429 Too Many Requests', `Retry-After: ${retryAfter}\r\n`)
        return false
      }
    }
    if (socket.destroyed) return false
    if (!grant) return { workshopId: null }
    const release = this.caps.open(address, grant)
    if (!release) return { workshopId: grant.workshopId, refuse: CloseCode.tooManyConnections }
    // The WebSocket lives on this very socket: its close is the connection's end.
    socket.once('close', release)
    return { workshopId: grant.workshopId }
  }
}
