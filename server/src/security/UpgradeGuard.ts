import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { CloseCode } from '@sparboard/protocol'
import type { Store } from '../store/Store.js'
import type { AuthThrottle } from './AuthThrottle.js'
import { clientAddress } from './clientAddress.js'

const CLOSE_GRACE_MS = 1000

/** An RFC 6455 close frame as a server sends it (unmasked). */
function closeFrame(code: number, reason: string): Buffer {
  const text = Buffer.from(reason.slice(0, 100))
  const frame = Buffer.alloc(4 + text.length)
  frame[0] = 0x88
  frame[1] = 2 + text.length
  frame.writeUInt16BE(code, 2)
  text.copy(frame, 4)
  return frame
}

/**
 * Guards `/yjs/` upgrades before the hub sees them: a throttled address gets 429, a failed
 * token lookup counts against its address, and open board sockets are remembered per workshop
 * so that deleting a workshop can close them at once.
 */
export class UpgradeGuard {
  private readonly open = new Map<string, Set<Duplex>>()

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

  /** Remembers a board socket the hub accepted, until it closes. */
  track(workshopId: string, socket: Duplex): void {
    const sockets = this.open.get(workshopId) ?? new Set()
    this.open.set(workshopId, sockets)
    sockets.add(socket)
    socket.once('close', () => {
      sockets.delete(socket)
      if (sockets.size === 0 && this.open.get(workshopId) === sockets) this.open.delete(workshopId)
    })
  }

  /**
   * Closes every board socket of a workshop with 4401, which the stock client does not retry.
   * The hub's connection sees the socket end and leaves its room as after any close.
   */
  closeWorkshop(workshopId: string): number {
    const sockets = this.open.get(workshopId)
    if (!sockets) return 0
    this.open.delete(workshopId)
    for (const socket of sockets) {
      socket.end(closeFrame(CloseCode.unknownToken, 'workshop deleted'))
      setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref()
    }
    return sockets.size
  }
}
