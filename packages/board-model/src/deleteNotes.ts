import type * as Y from 'yjs'
import type { NoteId } from './ids.js'
import type { BoardOrigin } from './origins.js'
import { notesOf } from './schema.js'

/** Deletes notes in one transaction (one undo step); returns how many were there. */
export function deleteNotes(doc: Y.Doc, ids: readonly NoteId[], origin: BoardOrigin): number {
  const notes = notesOf(doc)
  let deleted = 0
  doc.transact(() => {
    for (const id of ids) {
      if (notes.has(id)) {
        notes.delete(id)
        deleted++
      }
    }
  }, origin)
  return deleted
}
