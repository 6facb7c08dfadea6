import { timingSafeEqual, createHash } from 'node:crypto'
import type { RequestHandler } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { AuthThrottle } from './AuthThrottle.js'
import { clientAddress } from './clientAddress.js'

const digest = (s: string) => createHash('sha256').update(s).digest()

/**
 * Who may create a workshop: a few per address per window, and with `createSecret` set only
 * a request that carries it (`Authorization: Bearer <secret>` or `X-Create-Secret`).
 */
export function creationGuard(options: {
  readonly limit: number
  readonly windowMs: number
  readonly createSecret?: string
  readonly throttle: AuthThrottle
  readonly trustProxyHops: number
}): RequestHandler[] {
  const limiter = rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60
      res.set('Retry-After', String(seconds))
      res.status(429).json({ error: 'too many workshops created from this address; try later' })
    },
  })
  const { createSecret } = options
  if (!createSecret) return [limiter]
  const expected = digest(createSecret)
  const requireSecret: RequestHandler = async (req, res, next) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1]?.trim()
    const given = bearer ?? req.get('x-create-secret') ?? ''
    // Hashing first makes the comparison constant-time whatever the lengths. The right secret
    // always works, like a valid token: only failures count against the address.
    if (given && timingSafeEqual(digest(given), expected)) return next()
    if (given) {
      const address = clientAddress(req, options.trustProxyHops)
      const retryAfter = await options.throttle.failed(address, given, 'create')
      if (retryAfter > 0) {
        res.set('Retry-After', String(retryAfter))
        return void res.status(429).json({ error: 'too many failed attempts; try later' })
      }
    }
    res.status(401).json({ error: 'this server needs the creation secret to create a workshop' })
  }
  return [limiter, requireSecret]
}
