import type { IncomingMessage } from 'node:http'
import type { Logger } from 'pino'
import type { ServerOptions, Socket } from 'socket.io'
import { TokenBucket } from '../TokenBucket.js'
import type { Store, TokenGrant } from '../store/Store.js'
import type { AuthThrottle } from './AuthThrottle.js'
import { clientAddress } from './clientAddress.js'
import type { ConnectionCaps } from './ConnectionCaps.js'
import type { JoinRate } from './JoinRate.js'

/** Who may open a control connection, how many, and how fast it may talk and join. */
export interface ControlGuard {
  readonly throttle: AuthThrottle
  readonly caps: ConnectionCaps
  readonly joinRate: JoinRate
  readonly originAllowed: (req: IncomingMessage) => boolean
  readonly trustProxyHops: number
  readonly eventsPerSecond: number
  readonly eventBurst: number
}

/** What a control socket keeps from its handshake. */
interface GrantData {
  grant: TokenGrant
}

/** A socket.io handshake error whose `data` the client sees, e.g. how long to wait. */
const refusal = (message: string, data?: object) =>
  Object.assign(new Error(message), data ? { data } : {})

/** How long a client refused for a full address or token should wait before trying again. */
const RETRY_FULL_SECONDS = 10

/**
 * engine.io's check of every new connection, before socket.io sees it: a page of another origin
 * is refused (403 on long-polling, a failed upgrade on WebSocket).
 */
export function allowControlRequest(guard: ControlGuard): ServerOptions['allowRequest'] {
  return (req, callback) => {
    if (!guard.originAllowed(req)) return callback('origin not allowed', false)
    callback(null, true)
  }
}

/**
 * The socket.io handshake: the token is looked up first, so a valid one always gets in (within
 * the connection caps of its address and token: 'too many connections' and `data.retryAfter`);
 * only a failed lookup counts against the address, and is refused with 'too many failed
 * attempts' and `data.retryAfter` once the throttle says so.
 */
export function controlHandshake(
  store: Store,
  guard: ControlGuard | undefined,
  log: Logger,
): (socket: Socket, next: (err?: Error) => void) => Promise<void> {
  return async (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token
    const grant = typeof token === 'string' && token ? await store.findToken(token) : null
    if (!grant) {
      if (guard && typeof token === 'string' && token) {
        const address = clientAddress(socket.request, guard.trustProxyHops)
        const retryAfter = await guard.throttle.failed(address, token, 'socket.io')
        if (retryAfter > 0) return next(refusal('too many failed attempts', { retryAfter }))
      }
      return next(refusal('unknown token'))
    }
    ;(socket.data as GrantData).grant = grant
    if (!guard) return next()
    // Only a connection that got in takes a place: unknown tokens never fill an address.
    const release = guard.caps.open(clientAddress(socket.request, guard.trustProxyHops), grant)
    if (!release) return next(refusal('too many connections', { retryAfter: RETRY_FULL_SECONDS }))
    // A client gone during the lookup will not close again: count it only if it is still here.
    if (socket.conn.readyState !== 'open') {
      release()
      return next(refusal('gone'))
    }
    socket.conn.once('close', release)
    limitControlEvents(socket, { perSecond: guard.eventsPerSecond, burst: guard.eventBurst, log })
    next()
  }
}

/**
 * Per-connection event rate limit on the control plane: a socket past its bucket is
 * disconnected (its client sees `io server disconnect`) rather than slowing the session down.
 */
export function limitControlEvents(
  socket: Socket,
  options: { readonly perSecond: number; readonly burst: number; readonly log: Logger },
): void {
  const bucket = new TokenBucket(options.burst, options.perSecond)
  socket.use((_packet, next) => {
    if (bucket.take()) return next()
    options.log.warn({ address: socket.handshake.address }, 'control socket over its rate limit')
    socket.disconnect(true)
  })
}
