import { Router, type Request, type Response } from 'express'
import {
  CreateWorkshopBody,
  type ApiError,
  type CreatedWorkshop,
  type WorkshopView,
} from '@sparboard/protocol'
import type { Store, WorkshopRecord } from '../store/Store.js'
import { linksOf, newWorkshop } from '../workshops/newWorkshop.js'
import { bearerToken } from './bearerToken.js'

const fail = (res: Response, status: number, body: ApiError) => void res.status(status).json(body)

const viewOf = (w: WorkshopRecord, role: WorkshopView['role']): WorkshopView => ({
  id: w.id,
  title: w.title,
  goals: w.goals,
  sides: w.sides,
  cases: w.cases,
  groups: w.groups,
  boards: w.boards,
  role,
})

/** `/api/workshops`: create a workshop, read it with any of its tokens. */
export function workshopRoutes(store: Store, publicUrl: () => string): Router {
  const router = Router()

  router.post('/', async (req: Request, res: Response) => {
    const parsed = CreateWorkshopBody.safeParse(req.body)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return fail(res, 400, {
        error: issue?.message ?? 'invalid body',
        field: issue?.path.join('.') || undefined,
      })
    }
    const workshop = newWorkshop(parsed.data, Date.now())
    await store.createWorkshop(workshop)
    const { tokens, createdAt: _createdAt, ...rest } = workshop
    const created: CreatedWorkshop = { ...rest, tokens, links: linksOf(publicUrl(), workshop) }
    res.status(201).json(created)
  })

  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    const token = bearerToken(req)
    if (!token) return fail(res, 401, { error: 'missing token' })
    const grant = await store.findToken(token)
    if (!grant) return fail(res, 401, { error: 'unknown token' })
    if (grant.workshopId !== req.params.id)
      return fail(res, 403, { error: 'token not valid for this workshop' })
    const workshop = await store.getWorkshop(req.params.id)
    if (!workshop) return fail(res, 404, { error: 'no such workshop' })
    const view = viewOf(workshop, grant.role)
    // Only the facilitator may hand out the links again.
    res.json(
      grant.role === 'facilitator' ? { ...view, links: linksOf(publicUrl(), workshop) } : view,
    )
  })

  return router
}
