import type * as Y from 'yjs'
import { NOTE_SIZE, type Rect } from './boardLayout.js'
import type { NoteId } from './ids.js'
import type { BoardOrigin } from './origins.js'
import { placeNotes } from './placeNote.js'
import { placementAt } from './placementAt.js'
import { NoteField, notesOf } from './schema.js'

/** Between a cluster's name and a note dropped on it, moved below it. */
export const LABEL_CLEARANCE = 8

/**
 * [L6] Where a note dropped at (x, y) goes so it covers none of `labels` (cluster names): below
 * the one it lands on (and below the next, when that one is there).
 */
export function belowLabels(x: number, y: number, labels: readonly Rect[]): number {
  let top = y
  // Each label can push it once; more rounds than labels would mean a loop.
  for (let round = 0; round <= labels.length; round++) {
    const hit = labels.find(
      (l) =>
        x < l.x + l.width &&
        l.x < x + NOTE_SIZE.width &&
        top < l.y + l.height &&
        l.y < top + NOTE_SIZE.height,
    )
    if (!hit) break
    top = hit.y + hit.height + LABEL_CLEARANCE
  }
  return top
}

/**
 * Moves notes by (dx, dy) from where the document has them, each taking the category of the
 * zone it lands in, in one transaction (one undo step); returns how many were still there. A
 * note that would land on one of `clearOf` (cluster names, on a drop) goes below it ([L6]).
 * @example moveNotes(doc, selectedIds, { dx: 10, dy: 0 }, origin)
 */
export function moveNotes(
  doc: Y.Doc,
  ids: readonly NoteId[],
  by: { readonly dx: number; readonly dy: number },
  origin: BoardOrigin,
  clearOf: readonly Rect[] = [],
): number {
  const notes = notesOf(doc)
  const moves = ids.flatMap((id) => {
    const x = notes.get(id)?.get(NoteField.x)
    const y = notes.get(id)?.get(NoteField.y)
    if (typeof x !== 'number' || typeof y !== 'number') return []
    return [{ id, ...placementAt(x + by.dx, belowLabels(x + by.dx, y + by.dy, clearOf)) }]
  })
  return placeNotes(doc, moves, origin)
}
