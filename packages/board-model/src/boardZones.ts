import { NOTE_SIZE, ZONES, type Zone } from './boardLayout.js'
import type { Category, Side } from './Category.js'
import { GRID_GAP, GRID_TOP, zoneGrid } from './freeSpot.js'
import { NoteLimits } from './limits.js'

type Placed = {
  readonly x: number
  readonly y: number
  readonly category: Category
  readonly side: Side | null
}

/**
 * [L3] The zones as a board draws them: the template's, each grown to hold the notes of its
 * category that overflowed it (see `freeSpot`): the top row's zones upward, with the label above
 * the highest note; the solutions zone downward. Only notes across a zone's own columns count,
 * so a note dragged far away does not stretch it.
 * @example boardZones(readNotes(doc)).map((zone, i) => zoneScene(zone, labels[i]))
 */
export function boardZones(notes: readonly Placed[]): readonly Zone[] {
  const tops = new Map<Zone, number>()
  const bottoms = new Map<Zone, number>()
  for (const n of notes) {
    // A note of no known category (a broken peer's) stretches nothing.
    const zone = ZONES.find(
      (z) => z.category === n.category && (n.category !== 'interest' || z.side === n.side),
    )
    if (!zone) continue
    if (n.x + NOTE_SIZE.width <= zone.x || n.x >= zone.x + zone.width) continue
    if (zoneGrid(zone).grows === 'up') {
      const top = Math.max(-NoteLimits.maxCoordinate, n.y - GRID_TOP)
      if (top < (tops.get(zone) ?? zone.y)) tops.set(zone, top)
    } else {
      const bottom = Math.min(NoteLimits.maxCoordinate, n.y + NOTE_SIZE.height + GRID_GAP)
      if (bottom > (bottoms.get(zone) ?? zone.y + zone.height)) bottoms.set(zone, bottom)
    }
  }
  if (tops.size === 0 && bottoms.size === 0) return ZONES
  return ZONES.map((zone) => {
    const top = tops.get(zone) ?? zone.y
    const bottom = bottoms.get(zone) ?? zone.y + zone.height
    return top === zone.y && bottom === zone.y + zone.height
      ? zone
      : Object.freeze({ ...zone, y: top, height: bottom - top })
  })
}
