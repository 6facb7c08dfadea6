import type * as Y from 'yjs'
import type { Category, Side } from './Category.js'
import type { NoteId } from './ids.js'
import type { BoardOrigin } from './origins.js'
import { NoteField, notesOf } from './schema.js'
import { InvalidNoteError, validateNote } from './validateNote.js'

/** Where a note lands: its position and, when dropped in a zone, the zone's category. */
export interface Placement {
  readonly x: number
  readonly y: number
  readonly category?: Category
  readonly side?: Side
}

/** Moves a note (and re-categorises it when dropped in another zone); false if it is gone. */
export function placeNote(doc: Y.Doc, id: NoteId, to: Placement, origin: BoardOrigin): boolean {
  return placeNotes(doc, [{ id, ...to }], origin) === 1
}

/** Moves several notes in one transaction (one undo step); returns how many were still there. */
export function placeNotes(
  doc: Y.Doc,
  moves: readonly (Placement & { readonly id: NoteId })[],
  origin: BoardOrigin,
): number {
  const checked = moves.flatMap((move) => {
    const note = notesOf(doc).get(move.id)
    return note ? [{ note, ...check(note, move) }] : []
  })
  if (checked.length === 0) return 0
  doc.transact(() => {
    for (const { note, to, category, side } of checked) write(note, to, category, side)
  }, origin)
  return checked.length
}

function check(note: Y.Map<unknown>, to: Placement) {
  const category = to.category ?? (note.get(NoteField.category) as Category)
  const side = category === 'interest' ? (to.side ?? (note.get(NoteField.side) as Side)) : undefined
  const problem = validateNote({ category, side, x: to.x, y: to.y, author: '' })
  if (problem) throw new InvalidNoteError(problem)
  return { to, category, side }
}

function write(note: Y.Map<unknown>, to: Placement, category: Category, side: Side | undefined) {
  note.set(NoteField.x, to.x)
  note.set(NoteField.y, to.y)
  if (note.get(NoteField.category) !== category) note.set(NoteField.category, category)
  if (side === undefined) {
    if (note.has(NoteField.side)) note.delete(NoteField.side)
  } else if (note.get(NoteField.side) !== side) {
    note.set(NoteField.side, side)
  }
}
