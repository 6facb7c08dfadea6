import { NOTE_SIZE, TEMPLATE_BOUNDS, type NoteSnapshot, type Rect } from '@sparboard/board-model'

/** Room around the outermost zone or note, so shadows and strokes are not cut off. */
export const SCENE_MARGIN = 24

/**
 * What an export shows, in whole pixels with a margin: the template's zones and every note, or
 * (for a selection) just the given notes.
 */
export function sceneBounds(
  notes: readonly Pick<NoteSnapshot, 'x' | 'y'>[],
  withTemplate = true,
): Rect {
  const t = withTemplate || notes.length === 0 ? TEMPLATE_BOUNDS : null
  let minX = t ? t.x : Infinity
  let minY = t ? t.y : Infinity
  let maxX = t ? t.x + t.width : -Infinity
  let maxY = t ? t.y + t.height : -Infinity
  for (const n of notes) {
    minX = Math.min(minX, n.x)
    minY = Math.min(minY, n.y)
    maxX = Math.max(maxX, n.x + NOTE_SIZE.width)
    maxY = Math.max(maxY, n.y + NOTE_SIZE.height)
  }
  const x = Math.floor(minX - SCENE_MARGIN)
  const y = Math.floor(minY - SCENE_MARGIN)
  return {
    x,
    y,
    width: Math.ceil(maxX + SCENE_MARGIN) - x,
    height: Math.ceil(maxY + SCENE_MARGIN) - y,
  }
}

/** Grows bounds (keeping the margin) to hold the given rectangles too. */
export function unionBounds(bounds: Rect, rects: readonly Rect[]): Rect {
  if (rects.length === 0) return bounds
  const x = Math.floor(Math.min(bounds.x, ...rects.map((r) => r.x - SCENE_MARGIN)))
  const y = Math.floor(Math.min(bounds.y, ...rects.map((r) => r.y - SCENE_MARGIN)))
  const right = Math.max(bounds.x + bounds.width, ...rects.map((r) => r.x + r.width + SCENE_MARGIN))
  const bottom = Math.max(
    bounds.y + bounds.height,
    ...rects.map((r) => r.y + r.height + SCENE_MARGIN),
  )
  return { x, y, width: Math.ceil(right) - x, height: Math.ceil(bottom) - y }
}
