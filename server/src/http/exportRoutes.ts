import { Router, type NextFunction, type Request, type Response } from 'express'
import type { Logger } from 'pino'
import {
  attachmentDisposition,
  exportFileName,
  exportMoment,
  knownTimeZone,
  methodOf,
  Role,
  type ApiError,
  type ExportKind,
} from '@sparboard/protocol'
import { readStoredSession } from '../control/SessionState.js'
import { boardFrame } from '../export/boardFrame.js'
import { boardFileName, collectWorkshop } from '../export/collectWorkshop.js'
import { collectRecurring } from '../export/collectRecurring.js'
import type { RecurringInput } from '../export/recurringFrictions.js'
import { exportLabels, zoneLabels } from '../export/exportLabels.js'
import { ExportOverBudget, ExportQueueFull, type ExportPool } from '../export/ExportPool.js'
import type { ExportJob } from '../export/exportWorker.js'
import { loadBoardState, type LiveDoc } from '../hub/loadBoardSnapshot.js'
import type { Store, WorkshopRecord } from '../store/Store.js'
import type { AuthThrottle } from '../security/AuthThrottle.js'
import { refuseUnknownToken } from '../security/requireGrant.js'
import { bearerToken } from '../security/bearerToken.js'

export interface ExportRouteOptions {
  readonly store: Store
  readonly log: Logger
  /** The hub's live document of an open board, so an export shows edits of a second ago. */
  readonly liveDoc?: LiveDoc
  /** Failed token lookups count here too, so guessing through exports is as slow as elsewhere. */
  readonly throttle?: AuthThrottle
  readonly security?: { readonly trustProxyHops: number }
  /** Where every export renders: worker threads with a time and memory budget. */
  readonly exportPool: ExportPool
}

const fail = (res: Response, status: number, body: ApiError) => void res.status(status).json(body)

/** `?scale=` for PNGs: 1 to 3, default 1. */
const scaleOf = (req: Request) => {
  const scale = Number(req.query.scale ?? 1)
  return Number.isFinite(scale) ? Math.min(3, Math.max(0.25, scale)) : 1
}

/**
 * Checks the query parameters an export shares before anything else: `frame` (0 or 1) and `tz`
 * (a time zone the runtime knows, e.g. Europe/Amsterdam); 400 naming the parameter otherwise.
 */
const checkQuery = (req: Request, res: Response, next: NextFunction) => {
  const { frame, tz } = req.query
  if (frame !== undefined && frame !== '0' && frame !== '1')
    return fail(res, 400, { error: 'frame must be 0 or 1', field: 'frame' })
  if (tz !== undefined && (typeof tz !== 'string' || !knownTimeZone(tz)))
    return fail(res, 400, { error: 'tz must be a time zone such as Europe/Amsterdam', field: 'tz' })
  next()
}

/** `?frame=`: the header band and legend on board images, on unless `0` (checked by checkQuery). */
const withFrame = (req: Request) => req.query.frame !== '0'
/** `?tz=`, checked by checkQuery; the export's times are in UTC without it. */
const timeZoneOf = (req: Request) => (typeof req.query.tz === 'string' ? req.query.tz : undefined)

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
  liveDoc,
  throttle,
  security,
  exportPool,
}: ExportRouteOptions): Router {
  const router = Router()
  /**
   * Renders a job in the export pool: 503 when the queue is full or the render went past its time
   * budget, 500 when the worker failed; `send` gets the body otherwise.
   */
  const rendered = async (
    res: Response,
    job: ExportJob,
    boards: number,
    send: (body: Buffer | string, pixelRatio?: number) => void,
  ) => {
    let result
    try {
      result = await exportPool.run(job, boards)
    } catch (err) {
      if (err instanceof ExportQueueFull) {
        res.set('retry-after', '5')
        return fail(res, 503, { error: err.message })
      }
      if (err instanceof ExportOverBudget) return fail(res, 503, { error: err.message })
      return fail(res, 500, { error: 'export failed' })
    }
    const { body, pixelRatio } = result
    send(
      typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength),
      pixelRatio,
    )
  }

  /** The workshop a request may export, or null after answering 401/403/404. */
  async function authorize(req: Request, res: Response, workshopId: string | null) {
    const token = bearerToken(req)
    const grant = token ? await store.findToken(token) : null
    if (token && !grant && throttle)
      return (
        await refuseUnknownToken(req, res, throttle, security?.trustProxyHops ?? 0, token),
        null
      )
    if (!grant) return (fail(res, 401, { error: token ? 'unknown token' : 'missing token' }), null)
    if (workshopId === null) return (fail(res, 404, { error: 'no such board' }), null)
    if (grant.workshopId !== workshopId)
      return (fail(res, 403, { error: 'token not valid for this workshop' }), null)
    const workshop = await store.getWorkshop(workshopId)
    if (!workshop) return (fail(res, 404, { error: 'no such workshop' }), null)
    res.locals.role = grant.role
    return workshop
  }

  const boardExport =
    (render: (req: Request<{ id: string }>, res: Response, w: WorkshopRecord) => Promise<void>) =>
    async (req: Request<{ id: string }>, res: Response) => {
      const workshop = await authorize(req, res, await store.findBoardWorkshop(req.params.id))
      if (workshop) await render(req, res, workshop)
    }

  /**
   * What a board's image needs, as plain data: its encoded state, labels, language, name and
   * (unless `?frame=0`) the texts of its header band, with the session's moment.
   */
  const boardContext = async (req: Request<{ id: string }>, w: WorkshopRecord) => {
    const labels = exportLabels(req.query.lang)
    const info = w.boards.find((b) => b.id === req.params.id)
    const caseTitle = w.cases.find((c) => c.id === info?.caseId)?.title ?? ''
    const groupName = w.groups.find((g) => g.id === info?.groupId)?.name ?? ''
    const name = boardFileName(caseTitle || 'board', groupName, 'x').slice(0, -2)
    const board = await loadBoardState(store, liveDoc, req.params.id)
    let frame = null
    if (withFrame(req)) {
      // [C7] the session row is written before anyone hears of a change, so it is current here
      const session = readStoredSession(await store.getSession(w.id))
      frame = boardFrame(labels, w.sides, {
        caseTitle,
        groupName,
        workshopTitle: w.title,
        session: session.series.number,
        moment: exportMoment(session, req.params.id),
        at: Date.now(),
        timeZone: timeZoneOf(req),
      })
    }
    return {
      board,
      zoneLabels: zoneLabels(labels, w.sides),
      lang: labels.lang,
      name,
      frame,
      workshop: { sides: w.sides, method: methodOf(w.method) },
    }
  }

  router.get(
    '/boards/:id/export.png',
    checkQuery,
    boardExport(async (req, res, w) => {
      const { name, ...job } = await boardContext(req, w)
      await rendered(res, { kind: 'png', ...job, pixelRatio: scaleOf(req) }, 1, (png, ratio) => {
        res.set('x-pixel-ratio', String(ratio))
        download(res, 'image/png', `${name}.png`, png)
      })
    }),
  )

  router.get(
    '/boards/:id/export.svg',
    checkQuery,
    boardExport(async (req, res, w) => {
      const { name, ...job } = await boardContext(req, w)
      await rendered(res, { kind: 'svg', ...job }, 1, (svg) =>
        download(res, 'image/svg+xml', `${name}.svg`, svg),
      )
    }),
  )

  const lang = (req: Request) => exportLabels(req.query.lang).lang
  /**
   * The series and decisions a report's recurring frictions come from (authorized already). Only
   * the facilitator's report has them: they quote earlier sessions' notes, which no other role
   * of a later session reads ([C21]).
   */
  const recurringOf = async (req: Request, res: Response): Promise<RecurringInput> => {
    const workshop =
      res.locals.role === Role.facilitator ? await store.getWorkshop(String(req.params.id)) : null
    return workshop
      ? collectRecurring(store, liveDoc, workshop)
      : { enabled: false, earlier: [], decisions: [], truncated: false }
  }
  /** A workshop export: every board read as encoded state here, rendered in a worker. */
  const workshopExport =
    (
      type: string,
      [kind, ext]: readonly [ExportKind, string],
      job: (
        workshop: Awaited<ReturnType<typeof collectWorkshop>>,
        req: Request,
        res: Response,
      ) => ExportJob | Promise<ExportJob>,
    ) =>
    async (req: Request<{ id: string }>, res: Response) => {
      const workshop = await authorize(req, res, req.params.id)
      if (!workshop) return
      if (exportPool.full) {
        res.set('retry-after', '5')
        return fail(res, 503, { error: new ExportQueueFull().message })
      }
      const data = await collectWorkshop(store, liveDoc, workshop, {
        at: Date.now(),
        timeZone: timeZoneOf(req),
      })
      const made = await job(data, req, res)
      // a report with recurring frictions reads the series' earlier boards too: their time counts
      const boards =
        'recurring' in made
          ? data.boards.length + made.recurring.earlier.reduce((n, s) => n + s.boards.length, 0)
          : data.boards.length
      await rendered(res, made, boards, (body) => {
        const file = exportFileName({
          workshop: workshop.title,
          session: data.session,
          date: new Date().toISOString().slice(0, 10),
          kind,
          ext,
          lang: lang(req),
        })
        download(res, type, file, body)
      })
    }

  router.get(
    '/workshops/:id/export.zip',
    checkQuery,
    workshopExport('application/zip', ['boards', 'zip'], (workshop, req) => ({
      kind: 'zip',
      workshop,
      lang: lang(req),
      pixelRatio: scaleOf(req),
      frame: withFrame(req),
    })),
  )
  router.get(
    '/workshops/:id/report.pdf',
    checkQuery,
    workshopExport('application/pdf', ['report', 'pdf'], async (workshop, req, res) => ({
      kind: 'pdf',
      workshop,
      lang: lang(req),
      recurring: await recurringOf(req, res),
    })),
  )
  router.get(
    '/workshops/:id/workbook.xlsx',
    checkQuery,
    (req, res, next) => {
      // Names of people only where the facilitator asks for them; anyone else gets counts.
      if (req.query.names !== undefined && req.query.names !== '0' && req.query.names !== '1')
        return fail(res, 400, { error: 'names must be 0 or 1', field: 'names' })
      next()
    },
    workshopExport(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ['workbook', 'xlsx'],
      (workshop, req, res) => ({
        kind: 'xlsx',
        workshop,
        lang: lang(req),
        withNames: req.query.names === '1' && res.locals.role === Role.facilitator,
      }),
    ),
  )
  router.get(
    '/workshops/:id/notes.csv',
    checkQuery,
    workshopExport('text/csv; charset=utf-8', ['notes', 'csv'], (workshop, req) => ({
      kind: 'csv',
      workshop,
      lang: lang(req),
    })),
  )
  router.get(
    '/workshops/:id/review.csv',
    checkQuery,
    workshopExport('text/csv; charset=utf-8', ['review', 'csv'], (workshop, req) => ({
      kind: 'reviewCsv',
      workshop,
      lang: lang(req),
    })),
  )
  router.get(
    '/workshops/:id/summary.md',
    checkQuery,
    workshopExport(
      'text/markdown; charset=utf-8',
      ['summary', 'md'],
      async (workshop, req, res) => ({
        kind: 'md',
        workshop,
        lang: lang(req),
        recurring: await recurringOf(req, res),
      }),
    ),
  )
  return router
}
