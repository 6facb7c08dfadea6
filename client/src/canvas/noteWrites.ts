import type * as Y from 'yjs'
import {
  addNote,
  addNotes,
  asNoteId,
  placeNotes,
  type BoardOrigin,
  type NoteId,
  type NoteSnapshot,
  type Side,
} from '@sparboard/board-model'
import { copyNotes } from './clipboardNotes.js'
import { placementAt } from './zoneForDrop.js'

/** Who writes, and into which document: what every canvas gesture needs to write. */
export interface NoteWriter {
  readonly doc: Y.Doc
  readonly origin: BoardOrigin
  readonly author: string
  readonly authorSide: Side
}

const newId = () => crypto.randomUUID()
export const PASTE_OFFSET = 24

/** A new, empty note with its top-left at (x, y), in the zone it lands in. */
export function createNoteAt(w: NoteWriter, x: number, y: number): NoteId {
  const id = asNoteId(newId())
  addNote(w.doc, id, { ...placementAt(x, y), author: w.author, authorSide: w.authorSide }, w.origin)
  return id
}

/** Copies of notes, a little offset, as one undo step; returns the new ids. */
export function pasteCopies(w: NoteWriter, source: readonly NoteSnapshot[]): NoteId[] {
  const copies = copyNotes(source, PASTE_OFFSET, PASTE_OFFSET, w.author, w.authorSide, newId)
  addNotes(w.doc, copies, w.origin)
  return copies.map((c) => c.id)
}

/** Moves notes by (dx, dy), each taking the category of the zone it lands in; one undo step. */
export function moveNotesBy(w: NoteWriter, notes: readonly NoteSnapshot[], dx: number, dy: number) {
  const moves = notes.map((n) => ({ id: n.id, ...placementAt(n.x + dx, n.y + dy) }))
  placeNotes(w.doc, moves, w.origin)
}
