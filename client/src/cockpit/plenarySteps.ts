import { ZONES, type Rect } from '@sparboard/board-model'
import { NOTE_TEXT } from '@sparboard/board-scene'
import { fitViewport, type Viewport } from '../canvas/viewport.js'

/** [C37] The smallest note text on the presenter's screen in plenary mode, in CSS px. */
export const PLENARY_TEXT_PX = 16
/** The zoom at which a note's text is PLENARY_TEXT_PX on screen. */
export const PLENARY_MIN_SCALE = PLENARY_TEXT_PX / NOTE_TEXT.font.size
const MARGIN = 24

/**
 * Where the `i`th screen-sized part of a zone's extent starts: centred when the zone is
 * narrower than the screen; otherwise the last part ends at the zone's edge, not past it.
 */
const part = (start: number, size: number, span: number, i: number) =>
  size <= span ? start - (span - size) / 2 : Math.min(start + i * span, start + size - span)

/** One step of plenary mode: which zone, and the view that shows (a part of) it. */
export interface PlenaryStep {
  readonly zone: number
  readonly view: Viewport
}

/**
 * [C37] The board zone by zone, at a zoom where note text is at least PLENARY_TEXT_PX: a zone
 * that fits the screen at that zoom is one step (fitted, larger if it allows); a larger one is
 * shown in screen-sized parts, left to right, then top to bottom, so nothing of it is skipped.
 * @example plenarySteps(1366, 600)[0].view.scale >= PLENARY_MIN_SCALE
 */
export function plenarySteps(width: number, height: number): PlenaryStep[] {
  if (width <= 2 * MARGIN || height <= 2 * MARGIN) return []
  const steps: PlenaryStep[] = []
  ZONES.forEach((zone: Rect, i) => {
    const fitted = fitViewport(zone, width, height, MARGIN)
    if (fitted.scale >= PLENARY_MIN_SCALE) {
      steps.push({ zone: i, view: fitted })
      return
    }
    const scale = PLENARY_MIN_SCALE
    const across = (width - 2 * MARGIN) / scale
    const down = (height - 2 * MARGIN) / scale
    const cols = Math.ceil(zone.width / across)
    const rows = Math.ceil(zone.height / down)
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const x = part(zone.x, zone.width, across, c)
        const y = part(zone.y, zone.height, down, r)
        steps.push({ zone: i, view: { scale, x: MARGIN - x * scale, y: MARGIN - y * scale } })
      }
  })
  return steps
}
