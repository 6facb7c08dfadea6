import type { Category, Side } from './Category.js'
import { NOTE_SIZE, ZONES, zoneAt, type Zone } from './boardLayout.js'
import { NoteLimits } from './limits.js'

/** The zone a note belongs to when its top-left is at (x, y): under its centre, else the nearest. */
export function zoneForNote(x: number, y: number): Zone {
  const cx = x + NOTE_SIZE.width / 2
  const cy = y + NOTE_SIZE.height / 2
  const distance = (z: Zone) => Math.hypot(z.x + z.width / 2 - cx, z.y + z.height / 2 - cy)
  return zoneAt(cx, cy) ?? ZONES.reduce((best, z) => (distance(z) < distance(best) ? z : best))
}

/** Where a note at (x, y) lands: that position, kept on the board, and its zone's category. */
export interface ZonePlacement {
  readonly x: number
  readonly y: number
  readonly category: Category
  readonly side?: Side
}

/** Keeps a coordinate within the board's limits. */
export const clampCoordinate = (v: number) =>
  Math.max(-NoteLimits.maxCoordinate, Math.min(NoteLimits.maxCoordinate, v))

/**
 * The placement of a note whose top-left is at (x, y): the category and side of the zone it
 * lands in (a note takes its zone's category), the position kept within the board's limits.
 * @example placeNotes(doc, [{ id, ...placementAt(x, y) }], origin)
 */
export function placementAt(x: number, y: number): ZonePlacement {
  const at = { x: clampCoordinate(x), y: clampCoordinate(y) }
  const zone = zoneForNote(at.x, at.y)
  return { ...at, category: zone.category, ...(zone.side !== null && { side: zone.side }) }
}
