import { Router, type Request, type Response } from 'express'
import { methodOf, Role, type ApiError, type CreatedFollowUp } from '@sparboard/protocol'
import { grantOf, requireGrant } from '../security/requireGrant.js'
import type { AuthThrottle } from '../security/AuthThrottle.js'
import type { Store } from '../store/Store.js'
import { caseInfo } from '../workshops/caseInfo.js'
import { linksOf } from '../workshops/newWorkshop.js'
import { createFollowUp } from './createFollowUp.js'

const fail = (res: Response, status: number, body: ApiError) => void res.status(status).json(body)

/** `POST /api/workshops/:id/follow-up`: the facilitator starts the next session of the series. */
export function followUpRoute(
  store: Store,
  publicUrl: () => string,
  guard: { readonly throttle: AuthThrottle; readonly trustProxyHops: number },
): Router {
  const router = Router()
  // The same check as every workshop route: failed tokens count against the address.
  const withGrant = requireGrant(store, guard.throttle, guard.trustProxyHops, (req) =>
    String((req.params as { id: string }).id),
  )
  router.post('/:id/follow-up', withGrant, async (req: Request<{ id: string }>, res: Response) => {
    if (grantOf(res).role !== Role.facilitator)
      return fail(res, 403, { error: 'only the facilitator can start a follow-up' })
    const previous = await store.getWorkshop(req.params.id)
    if (!previous) return fail(res, 404, { error: 'no such workshop' })
    const { workshop, session } = await createFollowUp(store, previous, Date.now())
    const { tokens, createdAt: _createdAt, ...rest } = workshop
    const created: CreatedFollowUp = {
      ...rest,
      cases: workshop.cases.map(caseInfo),
      method: methodOf(workshop.method),
      tokens,
      links: linksOf(publicUrl(), workshop),
      previousId: previous.id,
      review: session.review.length,
    }
    res.status(201).json(created)
  })
  return router
}
