import { Router, type Request, type Response } from 'express'
import type { ApiError, CreatedFollowUp } from '@sparboard/protocol'
import { bearerToken } from '../http/bearerToken.js'
import type { Store } from '../store/Store.js'
import { caseInfo } from '../workshops/caseInfo.js'
import { linksOf } from '../workshops/newWorkshop.js'
import { createFollowUp } from './createFollowUp.js'

const fail = (res: Response, status: number, body: ApiError) => void res.status(status).json(body)

/** `POST /api/workshops/:id/follow-up`: the facilitator starts the next session of the series. */
export function followUpRoute(store: Store, publicUrl: () => string): Router {
  const router = Router()
  router.post('/:id/follow-up', async (req: Request<{ id: string }>, res: Response) => {
    const token = bearerToken(req)
    if (!token) return fail(res, 401, { error: 'missing token' })
    const grant = await store.findToken(token)
    if (!grant) return fail(res, 401, { error: 'unknown token' })
    if (grant.workshopId !== req.params.id)
      return fail(res, 403, { error: 'token not valid for this workshop' })
    if (grant.role !== 'facilitator')
      return fail(res, 403, { error: 'only the facilitator can start a follow-up' })
    const previous = await store.getWorkshop(req.params.id)
    if (!previous) return fail(res, 404, { error: 'no such workshop' })
    const { workshop, session } = await createFollowUp(store, previous, Date.now())
    const { tokens, createdAt: _createdAt, ...rest } = workshop
    const created: CreatedFollowUp = {
      ...rest,
      cases: workshop.cases.map(caseInfo),
      tokens,
      links: linksOf(publicUrl(), workshop),
      previousId: previous.id,
      review: session.review.length,
    }
    res.status(201).json(created)
  })
  return router
}
