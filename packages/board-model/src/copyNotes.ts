import type * as Y from 'yjs'
import { addNotes } from './addNote.js'
import type { NoteId } from './ids.js'
import { NoteLimits } from './limits.js'
import type { BoardOrigin } from './origins.js'
import type { NoteSnapshot } from './readNotes.js'
import { notesOf } from './schema.js'
import { validateNote, type NoteInput } from './validateNote.js'

const asInput = (note: NoteSnapshot): NoteInput & { readonly id: NoteId } => ({
  id: note.id,
  category: note.category,
  ...(note.side === null ? {} : { side: note.side }),
  ...(note.authorSide === null ? {} : { authorSide: note.authorSide }),
  ...(note.position && { position: true as const }),
  x: note.x,
  y: note.y,
  author: note.author,
  text: note.text,
})

/**
 * Writes notes into another doc in one transaction: same id, text, category, side, author side,
 * position on the board, position mark ([G3]) and author. Ids the doc already holds are skipped, so copying twice never doubles a
 * note; notes the model refuses (e.g. text past its limit) are left out. Returns the ids of
 * `notes` that the doc holds afterwards: those a move may delete from where they came from.
 * @example deleteNotes(privateDoc, copyNotes(readNotes(privateDoc), boardDoc, origin), origin)
 */
export function copyNotes(
  notes: readonly NoteSnapshot[],
  to: Y.Doc,
  origin: BoardOrigin,
): NoteId[] {
  const target = notesOf(to)
  const inputs = notes.map(asInput)
  const seen = new Set<string>()
  const moving = inputs.filter((n) => {
    const fresh = !target.has(n.id) && !seen.has(n.id)
    seen.add(n.id)
    return fresh && validateNote(n) === null
  })
  if (moving.length > 0)
    to.transact(() => {
      // addNotes takes a bounded batch; nested in this transaction they still land as one
      for (let i = 0; i < moving.length; i += NoteLimits.maxBatch)
        addNotes(to, moving.slice(i, i + NoteLimits.maxBatch), origin)
    }, origin)
  return notes.filter((n) => target.has(n.id)).map((n) => n.id)
}
