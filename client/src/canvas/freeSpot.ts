import { NOTE_SIZE, type NoteSnapshot, type Zone } from '@sparboard/board-model'

const GAP = 20
const TOP = 80
const CASCADE = 16

/**
 * The first grid slot in a zone that no note covers. In a full zone, notes cascade over the
 * slots a little offset, so each stays visible and inside its zone.
 */
export function freeSpot(zone: Zone, notes: readonly NoteSnapshot[]): { x: number; y: number } {
  const cols = Math.max(1, Math.floor((zone.width - GAP) / (NOTE_SIZE.width + GAP)))
  const rows = Math.max(1, Math.floor((zone.height - TOP) / (NOTE_SIZE.height + GAP)))
  const slot = (i: number) => ({
    x: zone.x + GAP + (i % cols) * (NOTE_SIZE.width + GAP),
    y: zone.y + TOP + Math.floor(i / cols) * (NOTE_SIZE.height + GAP),
  })
  const overlaps = (n: NoteSnapshot, s: { x: number; y: number }) =>
    n.x < s.x + NOTE_SIZE.width &&
    n.x + NOTE_SIZE.width > s.x &&
    n.y < s.y + NOTE_SIZE.height &&
    n.y + NOTE_SIZE.height > s.y
  for (let i = 0; i < rows * cols; i++) {
    const spot = slot(i)
    if (!notes.some((n) => overlaps(n, spot))) return spot
  }
  const inZone = notes.filter(
    (n) =>
      n.x >= zone.x && n.x < zone.x + zone.width && n.y >= zone.y && n.y < zone.y + zone.height,
  ).length
  const layer = Math.floor(inZone / (rows * cols))
  const spot = slot(inZone % (rows * cols))
  // Never further than the gap below the last row allows.
  const offset = Math.min(layer, Math.floor(GAP / 4)) * CASCADE
  return { x: spot.x + offset / 2, y: spot.y + offset / 2 }
}
