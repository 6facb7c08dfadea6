import type { Rect } from '@sparboard/board-model'

/** What part of the board is on screen: screen = world * scale + (x, y). */
export interface Viewport {
  readonly x: number
  readonly y: number
  readonly scale: number
}

export const MIN_SCALE = 0.05
export const MAX_SCALE = 4

export const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s))

/** The viewport that shows `bounds` whole and centred in a `width` x `height` screen. */
export function fitViewport(bounds: Rect, width: number, height: number, margin = 40): Viewport {
  const scale = clampScale(
    Math.min(
      (width - 2 * margin) / Math.max(1, bounds.width),
      (height - 2 * margin) / Math.max(1, bounds.height),
    ),
  )
  return {
    scale,
    x: (width - bounds.width * scale) / 2 - bounds.x * scale,
    y: (height - bounds.height * scale) / 2 - bounds.y * scale,
  }
}

/** Zooms by `factor` keeping the world point under (px, py) fixed on screen. */
export function zoomAt(view: Viewport, px: number, py: number, factor: number): Viewport {
  const scale = clampScale(view.scale * factor)
  const wx = (px - view.x) / view.scale
  const wy = (py - view.y) / view.scale
  return { scale, x: px - wx * scale, y: py - wy * scale }
}

/** The world point under a screen point. */
export const toWorld = (view: Viewport, px: number, py: number) => ({
  x: (px - view.x) / view.scale,
  y: (py - view.y) / view.scale,
})

/** The smallest rectangle around all rectangles. */
export function unionRects(rects: readonly Rect[]): Rect {
  let x1 = Infinity
  let y1 = Infinity
  let x2 = -Infinity
  let y2 = -Infinity
  for (const r of rects) {
    x1 = Math.min(x1, r.x)
    y1 = Math.min(y1, r.y)
    x2 = Math.max(x2, r.x + r.width)
    y2 = Math.max(y2, r.y + r.height)
  }
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 }
}

/** Room kept around what the view follows, and under it for the toolbar, in screen pixels. */
export const FOLLOW_MARGIN = { side: 24, bottom: 72 } as const

/**
 * The view moved as little as brings `rect` on screen with a margin (the same view when it is
 * on screen already); a rectangle wider or taller than the screen is centred that way.
 */
export function followViewport(
  view: Viewport,
  rect: Rect,
  width: number,
  height: number,
): Viewport {
  const axis = (
    offset: number,
    start: number,
    size: number,
    screen: number,
    before: number,
    after: number,
  ) => {
    const from = offset + start * view.scale
    const to = from + size * view.scale
    const room = screen - before - after
    if (to - from > room) return offset + (before + room / 2 - (from + to) / 2)
    if (from < before) return offset + (before - from)
    if (to > screen - after) return offset - (to - (screen - after))
    return offset
  }
  const { side, bottom } = FOLLOW_MARGIN
  const x = axis(view.x, rect.x, rect.width, width, side, side)
  const y = axis(view.y, rect.y, rect.height, height, side, bottom)
  return x === view.x && y === view.y ? view : { ...view, x, y }
}
