import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Store } from '../store/Store.js'
import type { AuthThrottle } from './AuthThrottle.js'
import { clientAddress } from './clientAddress.js'

/**
 * Guards `/yjs/` upgrades before the hub sees them: a throttled address gets 429, and a failed
 * token lookup counts against its address. The workshop it finds goes to the hub, which closes
 * the connection if that workshop is deleted (`BoardHub.closeWorkshop`).
 */
export class UpgradeGuard {
  constructor(
    private readonly store: Store,
    private readonly throttle: AuthThrottle,
    private readonly trustProxyHops: number,
  ) {}

  /**
   * Resolves with the workshop the token opens (null for none: the hub will refuse it with
   * its close code), or false when the upgrade was answered here and the hub must not take it.
   */
  async admit(req: IncomingMessage, socket: Duplex): Promise<string | null | false> {
    const address = clientAddress(req, this.trustProxyHops)
    const retryAfter = this.throttle.retryAfter(address)
    if (retryAfter > 0) {
      socket.end(
        `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${retryAfter}\r\n` +
          'Connection: close\r\nContent-Length: 0\r\n\r\n',
      )
      return false
    }
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token')
    const grant = token ? await this.store.findToken(token) : null
    if (token && !grant) this.throttle.fail(address, 'yjs')
    return socket.destroyed ? false : (grant?.workshopId ?? null)
  }
}
