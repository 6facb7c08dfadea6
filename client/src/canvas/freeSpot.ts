import { NOTE_SIZE, type NoteSnapshot, type Zone } from '@sparboard/board-model'

const GAP = 20
const TOP = 80

/** The first grid slot in a zone that no note covers (or the zone's last slot when all are). */
export function freeSpot(zone: Zone, notes: readonly NoteSnapshot[]): { x: number; y: number } {
  const cols = Math.max(1, Math.floor((zone.width - GAP) / (NOTE_SIZE.width + GAP)))
  const rows = Math.max(1, Math.floor((zone.height - TOP) / (NOTE_SIZE.height + GAP)))
  let spot = { x: zone.x + GAP, y: zone.y + TOP }
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      spot = {
        x: zone.x + GAP + c * (NOTE_SIZE.width + GAP),
        y: zone.y + TOP + r * (NOTE_SIZE.height + GAP),
      }
      const taken = notes.some(
        (n) =>
          n.x < spot.x + NOTE_SIZE.width &&
          n.x + NOTE_SIZE.width > spot.x &&
          n.y < spot.y + NOTE_SIZE.height &&
          n.y + NOTE_SIZE.height > spot.y,
      )
      if (!taken) return spot
    }
  return spot
}
