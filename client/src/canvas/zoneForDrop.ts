import { NOTE_SIZE, zoneAt, ZONES, type Zone } from '@sparboard/board-model'

/** The zone a note belongs to when its top-left is at (x, y): under its centre, else nearest. */
export function zoneForDrop(x: number, y: number): Zone {
  const cx = x + NOTE_SIZE.width / 2
  const cy = y + NOTE_SIZE.height / 2
  const distance = (z: Zone) => Math.hypot(z.x + z.width / 2 - cx, z.y + z.height / 2 - cy)
  return zoneAt(cx, cy) ?? ZONES.reduce((best, z) => (distance(z) < distance(best) ? z : best))
}

/** The placement fields for a drop at (x, y): position plus the zone's category and side. */
export function placementAt(x: number, y: number) {
  const zone = zoneForDrop(x, y)
  return { x, y, category: zone.category, ...(zone.side !== null && { side: zone.side }) }
}
