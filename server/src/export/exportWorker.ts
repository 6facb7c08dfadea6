import type { MessagePort } from 'node:worker_threads'
import type { SceneFrame, SceneLang } from '@sparboard/board-scene'
import {
  readWorkshopState,
  type ExportedWorkshopInfo,
  type WorkshopState,
} from './collectWorkshop.js'
import { sceneMarks } from './methodExport.js'
import { exportLabels } from './exportLabels.js'
import { boardOfState, type BoardState } from '../hub/loadBoardSnapshot.js'
import { notesCsv } from './notesCsv.js'
import { reviewCsv } from './reviewCsv.js'
import { renderBoardPng, renderBoardSvg } from './renderBoardImage.js'
import { recurringFrictions, type RecurringInput } from './recurringFrictions.js'
import { reportPdf } from './reportPdf.js'
import { setUpNapiCanvas } from './setUpNapiCanvas.js'
import { summaryMarkdown } from './summaryMarkdown.js'
import { workbookXlsx } from './workbookXlsx.js'
import { workshopZip } from './workshopZip.js'

/** One export, as plain data: the board or workshop encoded, never live objects. */
export type ExportJob =
  | {
      readonly kind: 'png'
      readonly board: BoardState
      readonly zoneLabels: readonly string[]
      readonly lang: SceneLang
      /** [G1] [G2] [G3] The workshop's sides and method, for the method's marks. */
      readonly workshop: Pick<ExportedWorkshopInfo, 'sides' | 'method'>
      readonly pixelRatio: number
      /** The header band above the board, or null without one (`?frame=0`). */
      readonly frame: SceneFrame | null
    }
  | {
      readonly kind: 'svg'
      readonly board: BoardState
      readonly zoneLabels: readonly string[]
      readonly lang: SceneLang
      readonly frame: SceneFrame | null
      readonly workshop: Pick<ExportedWorkshopInfo, 'sides' | 'method'>
    }
  | {
      readonly kind: 'zip'
      readonly workshop: WorkshopState
      readonly lang: SceneLang
      readonly pixelRatio: number
      /** Each image with its header band. */
      readonly frame: boolean
    }
  | {
      readonly kind: 'csv' | 'reviewCsv'
      readonly workshop: WorkshopState
      readonly lang: SceneLang
    }
  | {
      readonly kind: 'pdf' | 'md'
      readonly workshop: WorkshopState
      readonly lang: SceneLang
      /** The series and decisions its recurring frictions are found in. */
      readonly recurring: RecurringInput
    }
  | {
      /** The recurring frictions of a workshop, as JSON (`RecurringFrictions`). */
      readonly kind: 'recurring'
      readonly workshop: WorkshopState
      readonly recurring: RecurringInput
    }
  | {
      readonly kind: 'xlsx'
      readonly workshop: WorkshopState
      readonly lang: SceneLang
      /** People's names in the workbook (the facilitator asked for them). */
      readonly withNames: boolean
    }

export interface ExportTask {
  readonly job: ExportJob
  /** Told the moment the render starts: its time budget counts from then, not from the queue. */
  readonly started: MessagePort
}

export interface ExportResult {
  readonly body: Uint8Array | string
  /** PNG: the pixel ratio used (lowered when the image would be too large). */
  readonly pixelRatio?: number
}

// Fonts, the canvas and the layout code warm up as the worker starts, before its first task
// starts its clock: a render's time budget measures the render, not the loading. (No top-level
// await: piscina loads the file with require() first.)
const warm = (async () => {
  setUpNapiCanvas()
  const empty = boardOfState([])
  renderBoardSvg(empty, [])
  await renderBoardPng(empty, [], { pixelRatio: 0.25 })
})()

async function render(job: ExportJob): Promise<ExportResult> {
  switch (job.kind) {
    case 'png': {
      const board = boardOfState(job.board)
      const image = await renderBoardPng(board, job.zoneLabels, {
        pixelRatio: job.pixelRatio,
        lang: job.lang,
        frame: job.frame ?? undefined,
        marks: sceneMarks(job.workshop, board, exportLabels(job.lang)),
      })
      return { body: image.png, pixelRatio: image.pixelRatio }
    }
    case 'svg': {
      const board = boardOfState(job.board)
      const marks = sceneMarks(job.workshop, board, exportLabels(job.lang))
      return {
        body: renderBoardSvg(board, job.zoneLabels, job.lang, job.frame ?? undefined, marks),
      }
    }
    case 'zip':
      return {
        body: await workshopZip(
          readWorkshopState(job.workshop),
          exportLabels(job.lang),
          job.pixelRatio,
          job.frame,
        ),
      }
    case 'pdf': {
      const workshop = readWorkshopState(job.workshop)
      const recurring = recurringFrictions(workshop, job.recurring)
      return { body: await reportPdf(workshop, exportLabels(job.lang), recurring) }
    }
    case 'csv':
      return { body: notesCsv(readWorkshopState(job.workshop), job.lang) }
    case 'xlsx':
      return {
        body: await workbookXlsx(
          readWorkshopState(job.workshop),
          exportLabels(job.lang),
          job.withNames,
        ),
      }
    case 'reviewCsv':
      // [C26] a follow-up's verdicts, and who proposed what
      return { body: reviewCsv(readWorkshopState(job.workshop), job.lang) }
    case 'md': {
      const workshop = readWorkshopState(job.workshop)
      const recurring = recurringFrictions(workshop, job.recurring)
      return { body: summaryMarkdown(workshop, exportLabels(job.lang), recurring) }
    }
    case 'recurring':
      return {
        body: JSON.stringify(recurringFrictions(readWorkshopState(job.workshop), job.recurring)),
      }
  }
}

/**
 * The export worker's task (piscina calls the default export): Konva, the canvas and pdfkit load
 * here, in a worker thread, never on the thread that serves the boards.
 */
export default async function runExport({ job, started }: ExportTask): Promise<ExportResult> {
  await warm
  started.postMessage('started')
  started.close()
  return render(job)
}
