import { NOTE_SIZE, type Rect, type Zone } from './boardLayout.js'
import type { NoteId } from './ids.js'

/** Between two notes of a zone's grid, across and down. */
export const GRID_GAP = 20
/** From a zone's top to its grid's first row: the zone's label lives above. */
export const GRID_TOP = 80

type Point = { readonly x: number; readonly y: number }

const STEP_X = NOTE_SIZE.width + GRID_GAP
const STEP_Y = NOTE_SIZE.height + GRID_GAP
/** Buckets of the occupancy index: about one note each way, so a rectangle checks few of them. */
const BUCKET = { w: 256, h: 192 } as const

/** The grid of a zone: its columns, its rows in the template, and where a slot is. */
export interface ZoneGrid {
  readonly cols: number
  /** Rows inside the zone as the template draws it. */
  readonly rows: number
  /** Which way the grid flows when the zone is full: solutions down, the top row up. */
  readonly grows: 'up' | 'down'
  slot(col: number, row: number): Point
}

/** The grid a zone's notes are put on; rows past `rows` (or before 0, growing up) overflow. */
export function zoneGrid(zone: Zone): ZoneGrid {
  const cols = Math.max(1, Math.floor((zone.width - GRID_GAP) / STEP_X))
  const rows = Math.max(1, Math.floor((zone.height - GRID_TOP) / STEP_Y))
  return {
    cols,
    rows,
    grows: zone.category === 'solution' ? 'down' : 'up',
    slot: (col, row) => ({
      x: zone.x + GRID_GAP + col * STEP_X,
      y: zone.y + GRID_TOP + row * STEP_Y,
    }),
  }
}

/**
 * The notes' rectangles, bucketed so that whether a spot is free costs a few comparisons, not
 * one per note of the board.
 */
export class Occupancy {
  private readonly buckets = new Map<string, Point[]>()

  constructor(notes: Iterable<Point> = []) {
    for (const n of notes) this.add(n)
  }

  add(n: Point): void {
    for (const key of this.keys(n)) {
      const list = this.buckets.get(key)
      if (list) list.push(n)
      else this.buckets.set(key, [n])
    }
  }

  /** No note overlaps a note-sized rectangle at `at`. */
  free(at: Point): boolean {
    for (const key of this.keys(at))
      for (const n of this.buckets.get(key) ?? []) if (overlaps(n, at)) return false
    return true
  }

  private *keys(n: Point): Iterable<string> {
    const x0 = Math.floor(n.x / BUCKET.w)
    const x1 = Math.floor((n.x + NOTE_SIZE.width) / BUCKET.w)
    const y0 = Math.floor(n.y / BUCKET.h)
    const y1 = Math.floor((n.y + NOTE_SIZE.height) / BUCKET.h)
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) yield `${x},${y}`
  }
}

const overlaps = (a: Point, b: Point) =>
  a.x < b.x + NOTE_SIZE.width &&
  a.x + NOTE_SIZE.width > b.x &&
  a.y < b.y + NOTE_SIZE.height &&
  a.y + NOTE_SIZE.height > b.y

const inside = (zone: Rect, p: Point) =>
  p.x >= zone.x &&
  p.x + NOTE_SIZE.width <= zone.x + zone.width &&
  p.y >= zone.y + GRID_TOP &&
  p.y + NOTE_SIZE.height <= zone.y + zone.height

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)

/**
 * [L1] Where a new note goes in a zone so it covers no other note: `preferred` itself when that
 * spot is free and inside the zone (below its label), else the zone's free grid slot nearest to
 * it, else the first free slot of the rows the zone grows by (solutions downward, the top row's
 * zones upward, as the solutions zone is below them). Counts one index of the notes per call;
 * give an `Occupancy` to place many notes one after another.
 * @example addNote(doc, id, { category: zone.category, ...freeSpot(zone, readNotes(doc), centre), author }, origin)
 */
export function freeSpot(
  zone: Zone,
  notes: readonly Point[] | Occupancy,
  preferred?: Point,
): Point {
  const taken = notes instanceof Occupancy ? notes : new Occupancy(notes)
  if (preferred && inside(zone, preferred) && taken.free(preferred)) return preferred
  const grid = zoneGrid(zone)
  const target = preferred ?? grid.slot(0, 0)
  let best: Point | null = null
  for (let row = 0; row < grid.rows; row++)
    for (let col = 0; col < grid.cols; col++) {
      const spot = grid.slot(col, row)
      if ((!best || distance(spot, target) < distance(best, target)) && taken.free(spot))
        best = spot
    }
  if (best) return best
  return overflowSpot(grid, taken, target)
}

/** The first overflow row with a free slot, its slot nearest to `target`'s column. */
function overflowSpot(grid: ZoneGrid, taken: Occupancy, target: Point): Point {
  // Each row holds at least one slot, so one row more than there are notes always has room;
  // in practice the first few rows past the zone do.
  for (let k = 1; ; k++) {
    const row = grid.grows === 'up' ? -k : grid.rows - 1 + k
    const slots = Array.from({ length: grid.cols }, (_, col) => grid.slot(col, row))
    slots.sort((a, b) => Math.abs(a.x - target.x) - Math.abs(b.x - target.x))
    const spot = slots.find((s) => taken.free(s))
    if (spot) return spot
    if (k > 100_000) return slots[0]!
  }
}

/** A note as `settleNotes` moves it: what it needs to know where it belongs. */
export interface Settling extends Point {
  readonly id: NoteId
}

/**
 * [L2] New notes put one after another where they are when that is free of notes (wherever it
 * is), else on the free spot of their zone nearest to it: for paste, duplicate and the reveal. A
 * note whose id `existing` already holds is left as it is (it is that note, not a new one).
 * @example copyNotes(settleNotes(revealed, readNotes(board), zoneOfNote), board, serverOrigin)
 */
export function settleNotes<N extends Settling>(
  incoming: readonly N[],
  existing: readonly Settling[],
  zoneOf: (note: N) => Zone,
): N[] {
  const ids = new Set(existing.map((n) => n.id))
  const taken = new Occupancy(existing)
  return incoming.map((n) => {
    if (ids.has(n.id)) return n
    const spot = taken.free(n) ? n : freeSpot(zoneOf(n), taken, { x: n.x, y: n.y })
    taken.add(spot)
    ids.add(n.id)
    return spot.x === n.x && spot.y === n.y ? n : { ...n, x: spot.x, y: spot.y }
  })
}
