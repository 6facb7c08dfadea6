import { NOTE_SIZE, type Rect } from '@sparboard/board-model'
import { NOTE_TEXT } from '@sparboard/board-scene'
import { clampScale, unionRects, type Viewport } from '../canvas/viewport.js'

/** A zone brought into view shows its notes' text at least this size (CSS px). */
export const READABLE_TEXT_PX = 12
/** The smallest scale at which a note's text is READABLE_TEXT_PX on screen. */
export const READABLE_ZONE_SCALE = READABLE_TEXT_PX / NOTE_TEXT.font.size
/** Room kept free around a zone brought into view (CSS px). */
const MARGIN = 12

/** What part of the screen the board may use: minus the chips above and the toolbar below. */
export interface Screen {
  readonly width: number
  readonly height: number
  readonly top: number
  readonly bottom: number
}

/**
 * The view that brings a zone into view with its notes' text readable: the whole zone when it
 * fits at READABLE_ZONE_SCALE or more (no closer than 1:1), else as much as fits, beginning at its
 * notes (at the zone's start when it has none).
 */
export function zoneView(zone: Rect, notes: readonly Rect[], screen: Screen): Viewport {
  const width = Math.max(1, screen.width - 2 * MARGIN)
  const height = Math.max(1, screen.height - screen.top - screen.bottom - 2 * MARGIN)
  const fit = Math.min(width / zone.width, height / zone.height, 1)
  const scale = clampScale(Math.max(READABLE_ZONE_SCALE, fit))
  const focus = notes.length > 0 ? unionRects(notes) : zone
  const axis = (start: number, size: number, from: number, room: number, offset: number) => {
    const shown = room / scale
    // The zone fits: centred. It does not: from its notes, but never past its far edge.
    const first =
      size <= shown
        ? start - (shown - size) / 2
        : Math.max(start, Math.min(from - NOTE_SIZE.width / 8, start + size - shown))
    return offset - first * scale
  }
  return {
    scale,
    x: axis(zone.x, zone.width, focus.x, width, MARGIN),
    y: axis(zone.y, zone.height, focus.y, height, screen.top + MARGIN),
  }
}

/** The part of the board a view shows of a screen, in board units. */
export function shownRect(view: Viewport, screen: Screen): Rect {
  return {
    x: -view.x / view.scale,
    y: (screen.top - view.y) / view.scale,
    width: screen.width / view.scale,
    height: (screen.height - screen.top - screen.bottom) / view.scale,
  }
}

/**
 * Where a note added to a zone "where the view is" goes: the middle of the part of the zone in
 * view, kept inside the zone; null when too little of the zone is in view to hold a note.
 */
export function spotInView(zone: Rect, shown: Rect): { x: number; y: number } | null {
  const x1 = Math.max(zone.x, shown.x)
  const y1 = Math.max(zone.y, shown.y)
  const x2 = Math.min(zone.x + zone.width, shown.x + shown.width)
  const y2 = Math.min(zone.y + zone.height, shown.y + shown.height)
  if (x2 - x1 < NOTE_SIZE.width || y2 - y1 < NOTE_SIZE.height) return null
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi))
  return {
    x: clamp((x1 + x2 - NOTE_SIZE.width) / 2, zone.x, zone.x + zone.width - NOTE_SIZE.width),
    y: clamp((y1 + y2 - NOTE_SIZE.height) / 2, zone.y, zone.y + zone.height - NOTE_SIZE.height),
  }
}
