import * as Y from 'yjs'
import type { NoteId } from './ids.js'
import type { BoardOrigin } from './origins.js'
import { NoteField, notesOf, type NoteMap } from './schema.js'
import { InvalidNoteError, validateNote, type NoteInput } from './validateNote.js'

/**
 * Adds a note in one transaction.
 * @example addNote(doc, asNoteId(nanoid()), { category: 'friction', x: 900, y: 300, author: 'Anna' }, origin)
 */
export function addNote(doc: Y.Doc, id: NoteId, input: NoteInput, origin: BoardOrigin): void {
  const problem = validateNote(input)
  if (problem) throw new InvalidNoteError(problem)
  doc.transact(() => {
    const note: NoteMap = new Y.Map()
    note.set(NoteField.text, new Y.Text(input.text ?? ''))
    note.set(NoteField.category, input.category)
    if (input.category === 'interest') note.set(NoteField.side, input.side)
    note.set(NoteField.x, input.x)
    note.set(NoteField.y, input.y)
    note.set(NoteField.author, input.author)
    notesOf(doc).set(id, note)
  }, origin)
}
