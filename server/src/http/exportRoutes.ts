import { Router, type Request, type Response } from 'express'
import type { Logger } from 'pino'
import { attachmentDisposition, type ApiError } from '@sparboard/protocol'
import { boardFileName, collectWorkshop } from '../export/collectWorkshop.js'
import { exportLabels, zoneLabels } from '../export/exportLabels.js'
import { ExportQueue, ExportQueueFull } from '../export/ExportQueue.js'
import { loadBoardSnapshot, type LiveDoc } from '../export/loadBoardSnapshot.js'
import { notesCsv } from '../export/notesCsv.js'
import type * as Renderers from '../export/renderers.js'
import { summaryMarkdown } from '../export/summaryMarkdown.js'
import type { Store, WorkshopRecord } from '../store/Store.js'
import type { AuthThrottle } from '../security/AuthThrottle.js'
import { clientAddress } from '../security/clientAddress.js'
import { bearerToken } from './bearerToken.js'

export interface ExportRouteOptions {
  readonly store: Store
  readonly log: Logger
  /** The hub's live document of an open board, so an export shows edits of a second ago. */
  readonly liveDoc?: LiveDoc
  /** Failed token lookups count here too, so guessing through exports is as slow as elsewhere. */
  readonly throttle?: AuthThrottle
  readonly security?: { readonly trustProxyHops: number }
}

// A facilitator exporting every board and a few participants exporting theirs fit; a flood does not.
const MAX_WAITING_EXPORTS = 8

/**
 * The renderers bring Konva, @napi-rs/canvas and pdfkit with their fonts (~65 MB resident), so
 * they load on the first export, not at start: a node that only syncs boards never pays for them.
 */
let renderers: Promise<typeof Renderers> | null = null
const loadRenderers = () => (renderers ??= import('../export/renderers.js'))

const fail = (res: Response, status: number, body: ApiError) => void res.status(status).json(body)

/** `?scale=` for PNGs: 1 to 3, default 1. */
const scaleOf = (req: Request) => {
  const scale = Number(req.query.scale ?? 1)
  return Number.isFinite(scale) ? Math.min(3, Math.max(0.25, scale)) : 1
}

const download = (res: Response, type: string, name: string, body: Buffer | string) => {
  res
    .type(type)
    .set('cache-control', 'no-store')
    .set('x-content-type-options', 'nosniff')
    .set('content-disposition', attachmentDisposition(name))
    .send(body)
}

/**
 * Exports: board images and workshop reports and data. Every role of the workshop may export
 * (observers too); a token of another workshop gets 403.
 */
export function exportRoutes({
  store,
  log,
  liveDoc,
  throttle,
  security,
}: ExportRouteOptions): Router {
  const router = Router()
  const queue = new ExportQueue(MAX_WAITING_EXPORTS)
  /** Runs a render in the queue; answers 503 when the queue is full. */
  const queued = async (res: Response, job: () => Promise<void>) => {
    try {
      await queue.run(job)
    } catch (err) {
      if (!(err instanceof ExportQueueFull)) throw err
      res.set('retry-after', '5')
      fail(res, 503, { error: err.message })
    }
  }

  /** The workshop a request may export, or null after answering 401/403/404. */
  async function authorize(req: Request, res: Response, workshopId: string | null) {
    const address = clientAddress(req, security?.trustProxyHops ?? 0)
    const retryAfter = throttle?.retryAfter(address) ?? 0
    if (retryAfter > 0) {
      res.set('Retry-After', String(retryAfter))
      return (fail(res, 429, { error: 'too many failed attempts; try later' }), null)
    }
    const token = bearerToken(req)
    const grant = token ? await store.findToken(token) : null
    if (token && !grant) throttle?.fail(address, `${req.method} ${req.baseUrl}`)
    if (!grant) return (fail(res, 401, { error: token ? 'unknown token' : 'missing token' }), null)
    if (workshopId === null) return (fail(res, 404, { error: 'no such board' }), null)
    if (grant.workshopId !== workshopId)
      return (fail(res, 403, { error: 'token not valid for this workshop' }), null)
    const workshop = await store.getWorkshop(workshopId)
    if (!workshop) return (fail(res, 404, { error: 'no such workshop' }), null)
    return workshop
  }

  const boardExport =
    (render: (req: Request<{ id: string }>, res: Response, w: WorkshopRecord) => Promise<void>) =>
    async (req: Request<{ id: string }>, res: Response) => {
      const workshop = await authorize(req, res, await store.findBoardWorkshop(req.params.id))
      if (workshop) await queued(res, () => render(req, res, workshop))
    }

  const boardContext = async (req: Request<{ id: string }>, w: WorkshopRecord) => {
    const labels = exportLabels(req.query.lang)
    const info = w.boards.find((b) => b.id === req.params.id)
    const name = boardFileName(
      w.cases.find((c) => c.id === info?.caseId)?.title ?? 'board',
      w.groups.find((g) => g.id === info?.groupId)?.name ?? '',
      'x',
    ).slice(0, -2)
    const board = await loadBoardSnapshot(store, liveDoc, req.params.id)
    return { board, labels: zoneLabels(labels, w.sides), name }
  }

  router.get(
    '/boards/:id/export.png',
    boardExport(async (req, res, w) => {
      const { board, labels, name } = await boardContext(req, w)
      const started = performance.now()
      const { renderBoardPng } = await loadRenderers()
      const image = await renderBoardPng(board, labels, { pixelRatio: scaleOf(req) })
      log.debug({ ms: performance.now() - started, notes: board.notes.length }, 'board png')
      res.set('x-pixel-ratio', String(image.pixelRatio))
      download(res, 'image/png', `${name}.png`, image.png)
    }),
  )

  router.get(
    '/boards/:id/export.svg',
    boardExport(async (req, res, w) => {
      const { board, labels, name } = await boardContext(req, w)
      const { renderBoardSvg } = await loadRenderers()
      download(res, 'image/svg+xml', `${name}.svg`, renderBoardSvg(board, labels))
    }),
  )

  const workshopExport =
    (
      type: string,
      file: string,
      make: (
        data: Awaited<ReturnType<typeof collectWorkshop>>,
        req: Request,
      ) => Promise<Buffer | string> | string,
    ) =>
    async (req: Request<{ id: string }>, res: Response) => {
      const workshop = await authorize(req, res, req.params.id)
      if (!workshop) return
      await queued(res, async () => {
        const started = performance.now()
        const data = await collectWorkshop(store, liveDoc, workshop)
        const body = await make(data, req)
        log.debug({ ms: performance.now() - started, file, boards: data.boards.length }, 'export')
        download(res, type, file, body)
      })
    }

  const lang = (req: Request) => exportLabels(req.query.lang)
  router.get(
    '/workshops/:id/export.zip',
    workshopExport('application/zip', 'boards.zip', async (d, req) =>
      (await loadRenderers()).workshopZip(d, lang(req), scaleOf(req)),
    ),
  )
  router.get(
    '/workshops/:id/report.pdf',
    workshopExport('application/pdf', 'report.pdf', async (d, req) =>
      (await loadRenderers()).reportPdf(d, lang(req)),
    ),
  )
  router.get(
    '/workshops/:id/notes.csv',
    workshopExport('text/csv; charset=utf-8', 'notes.csv', (d) => notesCsv(d)),
  )
  router.get(
    '/workshops/:id/summary.md',
    workshopExport('text/markdown; charset=utf-8', 'summary.md', (d, req) =>
      summaryMarkdown(d, lang(req)),
    ),
  )
  return router
}
