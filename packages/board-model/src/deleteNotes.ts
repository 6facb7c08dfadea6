import type * as Y from 'yjs'
import type { NoteId } from './ids.js'
import type { BoardOrigin } from './origins.js'
import { linksTouching } from './links.js'
import { linksOf, notesOf } from './schema.js'

/** Deletes notes and their links in one transaction (one undo step); returns how many were there. */
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
    for (const key of linksTouching(doc, new Set<string>(ids))) linksOf(doc).delete(key)
  }, origin)
  return deleted
}
