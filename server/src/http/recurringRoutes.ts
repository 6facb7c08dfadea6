import { Router, type Request, type Response } from 'express'
import {
  RECURRING_DECISION_LIMIT,
  RecurringDecisionBody,
  Role,
  type ApiError,
} from '@sparboard/protocol'
import type { GroupDecision } from '@sparboard/recurring'
import { collectRecurring } from '../export/collectRecurring.js'
import { collectWorkshop } from '../export/collectWorkshop.js'
import { ExportOverBudget, ExportQueueFull, type ExportPool } from '../export/ExportPool.js'
import type { LiveDoc } from '../hub/loadBoardSnapshot.js'
import type { AuthThrottle } from '../security/AuthThrottle.js'
import { grantOf, requireGrant } from '../security/requireGrant.js'
import type { Store, WorkshopRecord } from '../store/Store.js'

export interface RecurringRoutesOptions {
  readonly store: Store
  readonly throttle: AuthThrottle
  readonly trustProxyHops: number
  readonly liveDoc?: LiveDoc
  /** The grouping runs here: a worker thread with a time and memory budget. */
  readonly exportPool: ExportPool
}

const fail = (res: Response, status: number, body: ApiError) => void res.status(status).json(body)

/** A decision as the grouping stores it: friction ids are keys of their notes. */
const asDecision = (body: RecurringDecisionBody): GroupDecision =>
  body.kind === 'merge'
    ? { kind: 'merge', keys: body.frictions }
    : { kind: 'split', key: body.note }

/**
 * `/api/workshops/:id/recurring-frictions` (the facilitator's token; 401 unknown, 403 another
 * role or workshop): `GET` answers the recurring frictions of the workshop and of the earlier
 * sessions of its series, `POST` stores a merge or split and answers the frictions after it.
 * The grouping runs in the export pool (503 when it is full or past its budget), never here.
 */
export function recurringRoutes(options: RecurringRoutesOptions): Router {
  const { store, liveDoc, exportPool } = options
  const router = Router()
  const withGrant = requireGrant(
    store,
    options.throttle,
    options.trustProxyHops,
    (req) => (req.params as { id: string }).id,
  )

  /** The workshop when the facilitator asks for an existing one; null after answering. */
  const facilitatorWorkshop = async (req: Request<{ id: string }>, res: Response) => {
    if (grantOf(res).role !== Role.facilitator)
      return (fail(res, 403, { error: 'only the facilitator sees recurring frictions' }), null)
    const workshop = await store.getWorkshop(req.params.id)
    if (!workshop) return (fail(res, 404, { error: 'no such workshop' }), null)
    return workshop
  }

  const answer = async (res: Response, workshop: WorkshopRecord) => {
    if (exportPool.full) {
      res.set('retry-after', '5')
      return fail(res, 503, { error: new ExportQueueFull().message })
    }
    const current = await collectWorkshop(store, liveDoc, workshop)
    const recurring = await collectRecurring(store, liveDoc, workshop)
    const boards =
      current.boards.length + recurring.earlier.reduce((n, s) => n + s.boards.length, 0)
    try {
      const { body } = await exportPool.run(
        { kind: 'recurring', workshop: { ...current, participants: [] }, recurring },
        boards,
      )
      res.type('application/json').send(body)
    } catch (err) {
      if (err instanceof ExportQueueFull) res.set('retry-after', '5')
      if (err instanceof ExportQueueFull || err instanceof ExportOverBudget)
        return fail(res, 503, { error: err.message })
      return fail(res, 500, { error: 'grouping failed' })
    }
  }

  router.get(
    '/:id/recurring-frictions',
    withGrant,
    async (req: Request<{ id: string }>, res: Response) => {
      const workshop = await facilitatorWorkshop(req, res)
      if (workshop) await answer(res, workshop)
    },
  )

  router.post(
    '/:id/recurring-frictions',
    withGrant,
    async (req: Request<{ id: string }>, res: Response) => {
      const workshop = await facilitatorWorkshop(req, res)
      if (!workshop) return
      const parsed = RecurringDecisionBody.safeParse(req.body)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        return fail(res, 400, {
          error: issue?.message ?? 'invalid body',
          field: issue?.path.join('.') || 'body',
        })
      }
      const added = await store.addRecurringDecision(
        workshop.id,
        asDecision(parsed.data),
        RECURRING_DECISION_LIMIT,
      )
      if (!added)
        return fail(res, 409, {
          error: `at most ${RECURRING_DECISION_LIMIT} merges and splits per workshop`,
          field: 'kind',
        })
      await answer(res, workshop)
    },
  )
  return router
}
