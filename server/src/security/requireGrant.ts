import type { Request, RequestHandler, Response } from 'express'
import type { ApiError } from '@sparboard/protocol'
import type { ReportFailure } from '../metrics.js'
import type { AuthThrottle } from './AuthThrottle.js'
import { clientAddress } from './clientAddress.js'
import type { Store, TokenGrant } from '../store/Store.js'
import { bearerToken } from './bearerToken.js'

/** The grant `requireGrant` found, for the handlers after it. */
export const grantOf = (res: { locals: Record<string, unknown> }): TokenGrant =>
  res.locals.grant as TokenGrant

/**
 * Answers a token that opened nothing: 401, or 429 with Retry-After once the throttle says its
 * address (or this very token) failed too often. The failure is counted first.
 */
export async function refuseUnknownToken(
  req: Request,
  res: Response,
  throttle: AuthThrottle,
  trustProxyHops: number,
  token: string,
): Promise<void> {
  const address = clientAddress(req, trustProxyHops)
  const retryAfter = await throttle.failed(address, token, `${req.method} ${req.baseUrl}`)
  if (retryAfter > 0) {
    res.set('Retry-After', String(retryAfter))
    return void res.status(429).json({ error: 'too many failed attempts; try later' })
  }
  res.status(401).json({ error: 'unknown token' })
}

/**
 * Lets a request through only with a token of the workshop named by `workshopOf(req)`: the token
 * is looked up first, so a valid one always gets in whatever its address did before; 401 without
 * a known token (or 429, `refuseUnknownToken`), 403 for another workshop's token.
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
    const token = bearerToken(req)
    if (!token) return fail(401, { error: 'missing token' })
    const grant = await store.findToken(token)
    if (!grant) return refuseUnknownToken(req, res, throttle, trustProxyHops, token)
    if (grant.workshopId !== (await workshopOf(req)))
      return fail(403, { error: 'token not valid for this workshop' })
    res.locals.grant = grant
    // Activity for RETENTION_DAYS; a lost touch must not fail the request, but is counted.
    const report = req.app.locals.reportFailure as ReportFailure | undefined
    store
      .touchWorkshop(grant.workshopId, Date.now())
      .catch((err: unknown) => report?.('touch-workshop', err, { workshop: grant.workshopId }))
    next()
  }
}
