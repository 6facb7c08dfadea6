import { Router, type Request, type Response } from 'express'
import type { ApiError } from '@sparboard/protocol'
import type { LiveDoc } from '../hub/loadBoardSnapshot.js'
import { requireGrant } from '../security/requireGrant.js'
import type { AuthThrottle } from '../security/AuthThrottle.js'
import type { Store } from '../store/Store.js'
import { readSeriesHistory } from './readSeriesHistory.js'

export interface SeriesRouteOptions {
  readonly store: Store
  readonly throttle: AuthThrottle
  readonly trustProxyHops: number
  readonly liveDoc?: LiveDoc
}

/** `GET /api/workshops/:id/series` ([C21]): the earlier sessions of the series, for any role. */
export function seriesRoute({
  store,
  throttle,
  trustProxyHops,
  liveDoc,
}: SeriesRouteOptions): Router {
  const router = Router()
  const withGrant = requireGrant(
    store,
    throttle,
    trustProxyHops,
    (req) => (req.params as { id: string }).id,
  )
  router.get('/:id/series', withGrant, async (req: Request<{ id: string }>, res: Response) => {
    if (!(await store.getWorkshop(req.params.id)))
      return void res.status(404).json({ error: 'no such workshop' } satisfies ApiError)
    res.json(await readSeriesHistory(store, req.params.id, liveDoc))
  })
  return router
}
