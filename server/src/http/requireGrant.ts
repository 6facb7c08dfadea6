import type { Request, RequestHandler } from 'express'
import type { ApiError } from '@sparboard/protocol'
import type { AuthThrottle } from '../security/AuthThrottle.js'
import { clientAddress } from '../security/clientAddress.js'
import type { Store, TokenGrant } from '../store/Store.js'
import { bearerToken } from './bearerToken.js'

/** The grant `requireGrant` found, for the handlers after it. */
export const grantOf = (res: { locals: Record<string, unknown> }): TokenGrant =>
  res.locals.grant as TokenGrant

/**
 * Lets a request through only with a token of the workshop named by `workshopOf(req)`:
 * 401 without a known token (a failure counted against the address), 403 for another
 * workshop's token, 429 with Retry-After once the address failed too often.
 * @example router.get('/:id', requireGrant(store, throttle, 0, (req) => req.params.id), handler)
 */
export function requireGrant(
  store: Store,
  throttle: AuthThrottle,
  trustProxyHops: number,
  workshopOf: (req: Request) => Promise<string | null> | string | null,
): RequestHandler {
  return async (req, res, next) => {
    const fail = (status: number, body: ApiError) => void res.status(status).json(body)
    const address = clientAddress(req, trustProxyHops)
    const retryAfter = throttle.retryAfter(address)
    if (retryAfter > 0) {
      res.set('Retry-After', String(retryAfter))
      return fail(429, { error: 'too many failed attempts; try later' })
    }
    const token = bearerToken(req)
    if (!token) return fail(401, { error: 'missing token' })
    const grant = await store.findToken(token)
    if (!grant) {
      throttle.fail(address, `${req.method} ${req.baseUrl}`)
      return fail(401, { error: 'unknown token' })
    }
    if (grant.workshopId !== (await workshopOf(req)))
      return fail(403, { error: 'token not valid for this workshop' })
    res.locals.grant = grant
    // Activity for RETENTION_DAYS; a lost touch must not fail the request.
    store.touchWorkshop(grant.workshopId, Date.now()).catch(() => {})
    next()
  }
}
