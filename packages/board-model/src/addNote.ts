import * as Y from 'yjs'
import type { NoteId } from './ids.js'
import { NoteLimits } from './limits.js'
import type { BoardOrigin } from './origins.js'
import { NoteField, notesOf, type NoteMap } from './schema.js'
import { InvalidNoteError, validateNote, type NoteInput } from './validateNote.js'

function buildNote(input: NoteInput): NoteMap {
  const note: NoteMap = new Y.Map()
  note.set(NoteField.text, new Y.Text(input.text ?? ''))
  note.set(NoteField.category, input.category)
  if (input.category === 'interest') note.set(NoteField.side, input.side)
  note.set(NoteField.x, input.x)
  note.set(NoteField.y, input.y)
  note.set(NoteField.author, input.author)
  if (input.authorSide !== undefined) note.set(NoteField.authorSide, input.authorSide)
  if (input.position === true) note.set(NoteField.position, true)
  return note
}

/**
 * Adds a note in one transaction.
 * @example addNote(doc, asNoteId(nanoid()), { category: 'friction', x: 900, y: 300, author: 'Anna' }, origin)
 */
export function addNote(doc: Y.Doc, id: NoteId, input: NoteInput, origin: BoardOrigin): void {
  addNotes(doc, [{ id, ...input }], origin)
}

/**
 * Adds several notes in one transaction (one undo step), e.g. for paste or duplicate. Nothing is
 * written when any of them is invalid.
 */
export function addNotes(
  doc: Y.Doc,
  notes: readonly (NoteInput & { readonly id: NoteId })[],
  origin: BoardOrigin,
): void {
  if (notes.length > NoteLimits.maxBatch) {
    throw new InvalidNoteError({ field: 'text', message: `more than ${NoteLimits.maxBatch} notes` })
  }
  for (const input of notes) {
    const problem = validateNote(input)
    if (problem) throw new InvalidNoteError(problem)
  }
  doc.transact(() => {
    const map = notesOf(doc)
    for (const { id, ...input } of notes) map.set(id, buildNote(input))
  }, origin)
}
