import { Router, type Request, type RequestHandler, type Response } from 'express'
import { Role, type ApiError, type BoardVersionList } from '@sparboard/protocol'
import { grantOf, requireGrant } from '../security/requireGrant.js'
import { RoomChangeError } from '../hub/ServerPeer.js'
import type { AuthThrottle } from '../security/AuthThrottle.js'
import { isDataDamage } from '../store/isDataDamage.js'
import type { Store } from '../store/Store.js'
import type { VersionKeeper } from './VersionKeeper.js'

export interface VersionRoutesOptions {
  readonly store: Store
  readonly throttle: AuthThrottle
  readonly trustProxyHops: number
  readonly versions: Pick<VersionKeeper, 'list' | 'restore'>
}

type BoardRequest = Request<{ boardId: string; versionId?: string }>

const fail = (res: Response, status: number, body: ApiError) => void res.status(status).json(body)

const VERSION_ID = /^[1-9][0-9]{0,14}$/

/**
 * `/api/boards/:boardId/versions`: a board's timeline (`GET`) and restoring one of its versions
 * (`POST .../:versionId/restore`), for the facilitator's token only.
 */
export function versionRoutes({
  store,
  throttle,
  trustProxyHops,
  versions,
}: VersionRoutesOptions): Router {
  const router = Router()
  const withGrant = requireGrant(store, throttle, trustProxyHops, (req) =>
    store.findBoardWorkshop((req.params as { boardId: string }).boardId),
  )
  const facilitatorsBoard: RequestHandler<{ boardId: string }> = async (req, res, next) => {
    if (grantOf(res).role !== Role.facilitator)
      return fail(res, 403, {
        error: "only the facilitator may see and restore a board's versions",
      })
    // A private writing room has no timeline of its own: only the workshop's boards do.
    const workshop = await store.getWorkshop(grantOf(res).workshopId)
    if (!workshop?.boards.some((b) => b.id === req.params.boardId))
      return fail(res, 404, { error: 'no such board', field: 'boardId' })
    next()
  }

  router.get(
    '/:boardId/versions',
    withGrant,
    facilitatorsBoard,
    async (req: BoardRequest, res: Response) => {
      const list: BoardVersionList = { versions: await versions.list(req.params.boardId) }
      res.json(list)
    },
  )

  router.post(
    '/:boardId/versions/:versionId/restore',
    withGrant,
    facilitatorsBoard,
    async (req: BoardRequest, res: Response) => {
      const raw = req.params.versionId ?? ''
      if (!VERSION_ID.test(raw))
        return fail(res, 400, { error: 'not a version id', field: 'versionId' })
      try {
        const restored = await versions.restore(req.params.boardId, Number(raw))
        if (!restored) return fail(res, 404, { error: 'no such version', field: 'versionId' })
        res.json(restored)
      } catch (err) {
        if (err instanceof RoomChangeError)
          return fail(res, 409, { error: `the board could not be changed now: ${err.message}` })
        if (isDataDamage(err))
          return fail(res, 409, {
            error:
              "the board's stored data cannot be read; the server's operator restores a backup",
          })
        throw err
      }
    },
  )
  return router
}
