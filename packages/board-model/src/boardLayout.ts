import type { Category, Side } from './Category.js'

/** A rectangle in board (world) coordinates. */
export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** One zone of the case template; dropping a note in it gives the note its category. */
export interface Zone extends Rect {
  readonly category: Category
  readonly side: Side | null
}

/** Size of a new note. */
export const NOTE_SIZE = { width: 200, height: 150 } as const

const COLUMN = 600
const GAP = 32
const TOP = 0
const ROW1 = 700
const ROW2 = 480

/**
 * The case template: interests of side 0 | friction points | interests of side 1 on top,
 * solutions across the bottom. Shared by the canvas and the server's export.
 */
export const ZONES: readonly Zone[] = Object.freeze([
  { category: 'interest', side: 0, x: 0, y: TOP, width: COLUMN, height: ROW1 },
  { category: 'friction', side: null, x: COLUMN + GAP, y: TOP, width: COLUMN, height: ROW1 },
  { category: 'interest', side: 1, x: 2 * (COLUMN + GAP), y: TOP, width: COLUMN, height: ROW1 },
  {
    category: 'solution',
    side: null,
    x: 0,
    y: TOP + ROW1 + GAP,
    width: 3 * COLUMN + 2 * GAP,
    height: ROW2,
  },
])

/** The bounds of the template's zones. */
export const TEMPLATE_BOUNDS: Rect = Object.freeze({
  x: 0,
  y: TOP,
  width: 3 * COLUMN + 2 * GAP,
  height: ROW1 + GAP + ROW2,
})

/** The zone under a point, or null outside every zone. */
export function zoneAt(x: number, y: number): Zone | null {
  return ZONES.find((z) => x >= z.x && x < z.x + z.width && y >= z.y && y < z.y + z.height) ?? null
}

/** The zone for a category (and side, for interests). */
export function zoneFor(category: Category, side: Side | null): Zone {
  const zone = ZONES.find(
    (z) => z.category === category && (category !== 'interest' || z.side === side),
  )
  if (!zone) throw new Error(`no zone for ${category}`)
  return zone
}
