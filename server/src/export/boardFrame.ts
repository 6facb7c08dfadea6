import { boardFrameTexts, type BoardFrameFacts } from '@sparboard/protocol'
import type { SceneFrame } from '@sparboard/board-scene'
import { zoneLabels, type ExportLabels } from './exportLabels.js'

/** What a board image's band says, as plain data a job carries to the worker. */
export type FrameFacts = Omit<BoardFrameFacts, 'language'>

/** A board image's header band in the export's language, with the workshop's side names. */
export const boardFrame = (
  labels: ExportLabels,
  sides: readonly [string, string],
  facts: FrameFacts,
): SceneFrame => ({
  ...boardFrameTexts({ ...facts, language: labels.lang }),
  zoneLabels: zoneLabels(labels, sides),
})
