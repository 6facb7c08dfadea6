import {
  asNoteId,
  NoteLimits,
  type NoteId,
  type NoteInput,
  type NoteSnapshot,
  type Side,
} from '@sparboard/board-model'

/** New notes that copy `notes`, shifted by (dx, dy), written by me. Kept in their category. */
export function copyNotes(
  notes: readonly NoteSnapshot[],
  dx: number,
  dy: number,
  author: string,
  authorSide: Side,
  newId: () => string,
): (NoteInput & { id: NoteId })[] {
  const clamp = (v: number) =>
    Math.max(-NoteLimits.maxCoordinate, Math.min(NoteLimits.maxCoordinate, v))
  return notes.slice(0, NoteLimits.maxBatch).map((n) => ({
    id: asNoteId(newId()),
    category: n.category,
    ...(n.side !== null && { side: n.side }),
    x: clamp(n.x + dx),
    y: clamp(n.y + dy),
    text: n.text,
    author,
    authorSide,
  }))
}
