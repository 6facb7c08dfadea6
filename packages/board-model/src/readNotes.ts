import * as Y from 'yjs'
import { isCategory, isSide, type Category, type Side } from './Category.js'
import { asNoteId, type NoteId } from './ids.js'
import { NoteField, notesOf, type NoteMap } from './schema.js'

/** A plain, frozen view of one note, safe to hand to React. */
export interface NoteSnapshot {
  readonly id: NoteId
  readonly text: string
  readonly category: Category
  readonly side: Side | null
  readonly x: number
  readonly y: number
  readonly author: string
  /** The side the author speaks for; null on notes from before schema v2. */
  readonly authorSide: Side | null
  /** Present on an interest stated as a position, whose underlying interests the group seeks. */
  readonly position?: true
}

/** Reads one note; null when its fields are not a valid note (e.g. written by a broken peer). */
export function readNote(id: string, note: NoteMap): NoteSnapshot | null {
  const text = note.get(NoteField.text)
  const category = note.get(NoteField.category)
  const x = note.get(NoteField.x)
  const y = note.get(NoteField.y)
  const side = note.get(NoteField.side)
  const author = note.get(NoteField.author)
  const authorSide = note.get(NoteField.authorSide)
  const position = category === 'interest' && note.get(NoteField.position) === true
  if (!isCategory(category) || typeof x !== 'number' || typeof y !== 'number') return null
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null
  return Object.freeze({
    id: asNoteId(id),
    text: text instanceof Y.Text ? text.toString() : '',
    category,
    side: category === 'interest' ? (side === 1 ? 1 : 0) : null,
    x,
    y,
    author: typeof author === 'string' ? author : '',
    authorSide: isSide(authorSide) ? authorSide : null,
    ...(position && { position: true as const }),
  })
}

/** Every valid note of a board, sorted by id so all peers list them alike. */
export function readNotes(doc: Y.Doc): readonly NoteSnapshot[] {
  const out: NoteSnapshot[] = []
  notesOf(doc).forEach((note, id) => {
    if (note instanceof Y.Map) {
      const snapshot = readNote(id, note)
      if (snapshot) out.push(snapshot)
    }
  })
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return Object.freeze(out)
}
