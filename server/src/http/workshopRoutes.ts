import { Router, type Request, type RequestHandler, type Response } from 'express'
import {
  CreateWorkshopBody,
  MethodPatch,
  methodOf,
  Role,
  type ApiError,
  type CreatedWorkshop,
  type RotatedLink,
  type WorkshopView,
} from '@sparboard/protocol'
import type { AuthThrottle } from '../security/AuthThrottle.js'
import type { Store, WorkshopRecord } from '../store/Store.js'
import { caseInfo } from '../workshops/caseInfo.js'
import { linkFor, linksOf, newWorkshop, randomId } from '../workshops/newWorkshop.js'
import { grantOf, requireGrant } from '../security/requireGrant.js'

export interface WorkshopRoutesOptions {
  readonly store: Store
  readonly publicUrl: () => string
  readonly throttle: AuthThrottle
  readonly trustProxyHops: number
  /** Runs before creation: rate limit and, when configured, the creation secret. */
  readonly creationGuard: readonly RequestHandler[]
  /** Deletes a workshop everywhere: store, open board sockets, control connections. */
  readonly erase: (workshopId: string) => Promise<boolean>
  /** Cuts off every open connection of a role's token that was just replaced ([C15]). */
  readonly revoke?: (workshopId: string, role: Role) => Promise<void>
}

const fail = (res: Response, status: number, body: ApiError) => void res.status(status).json(body)

const viewOf = (w: WorkshopRecord, role: WorkshopView['role']): WorkshopView => ({
  id: w.id,
  title: w.title,
  goals: w.goals,
  sides: w.sides,
  cases: w.cases.map(caseInfo),
  groups: w.groups,
  boards: w.boards,
  method: methodOf(w.method),
  role,
})

/** `/api/workshops`: create a workshop, read it with any of its tokens, delete it as facilitator. */
export function workshopRoutes(options: WorkshopRoutesOptions): Router {
  const { store, publicUrl } = options
  const router = Router()
  const withGrant = requireGrant(
    store,
    options.throttle,
    options.trustProxyHops,
    (req) => (req.params as { id: string }).id,
  )

  router.post('/', ...options.creationGuard, async (req: Request, res: Response) => {
    const parsed = CreateWorkshopBody.safeParse(req.body)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return fail(res, 400, {
        error: issue?.message ?? 'invalid body',
        field: issue?.path.join('.') || 'body',
      })
    }
    const workshop = newWorkshop(parsed.data, Date.now())
    await store.createWorkshop(workshop)
    const { tokens, createdAt: _createdAt, ...rest } = workshop
    const created: CreatedWorkshop = {
      ...rest,
      cases: workshop.cases.map(caseInfo),
      method: methodOf(workshop.method),
      tokens,
      links: linksOf(publicUrl(), workshop),
    }
    res.status(201).json(created)
  })

  router.get('/:id', withGrant, async (req: Request<{ id: string }>, res: Response) => {
    const grant = grantOf(res)
    const workshop = await store.getWorkshop(req.params.id)
    if (!workshop) return fail(res, 404, { error: 'no such workshop' })
    const view = viewOf(workshop, grant.role)
    // Only the facilitator may hand out the links again.
    res.json(
      grant.role === Role.facilitator ? { ...view, links: linksOf(publicUrl(), workshop) } : view,
    )
  })

  // [C15] revoke a link and issue a new one: the old token stops at once, everywhere
  router.post(
    '/:id/links/:role/rotate',
    withGrant,
    async (req: Request<{ id: string; role: string }>, res: Response) => {
      if (grantOf(res).role !== Role.facilitator)
        return fail(res, 403, { error: 'only the facilitator may replace a link' })
      const role = req.params.role as Role
      if (!Object.values(Role).includes(role))
        return fail(res, 400, { error: 'unknown role', field: 'role' })
      const token = randomId(24)
      if (!(await store.replaceToken(req.params.id, role, token)))
        return fail(res, 404, { error: 'no such workshop' })
      await options.revoke?.(req.params.id, role)
      const rotated: RotatedLink = { role, token, link: linkFor(publicUrl(), req.params.id, token) }
      res.json(rotated)
    },
  )

  // the method's options, switched by the facilitator per workshop
  router.patch('/:id/method', withGrant, async (req: Request<{ id: string }>, res: Response) => {
    if (grantOf(res).role !== Role.facilitator)
      return fail(res, 403, { error: 'only the facilitator may change the method' })
    const parsed = MethodPatch.safeParse(req.body)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return fail(res, 400, {
        error: issue?.message ?? 'invalid body',
        field: issue?.path.join('.') || 'body',
      })
    }
    if (!(await store.setWorkshopMethod(req.params.id, parsed.data)))
      return fail(res, 404, { error: 'no such workshop' })
    const workshop = await store.getWorkshop(req.params.id)
    res.json(methodOf(workshop?.method))
  })

  router.delete('/:id', withGrant, async (req: Request<{ id: string }>, res: Response) => {
    if (grantOf(res).role !== Role.facilitator)
      return fail(res, 403, { error: 'only the facilitator may delete the workshop' })
    await options.erase(req.params.id)
    res.status(204).end()
  })

  return router
}
