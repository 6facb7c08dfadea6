import type { Socket } from 'socket.io'
import type { Logger } from 'pino'
import { TokenBucket } from '../hub/TokenBucket.js'

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
