import type * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  deleteNotes,
  editNoteText,
  placeNote,
  readNotes,
  userOrigin,
} from '@sparboard/board-model'
import type { Prng } from './prng.js'

const categories = ['interest', 'friction', 'solution'] as const

/** One random edit a workshop participant could make, through the board model's ops. */
export function randomEdit(doc: Y.Doc, rnd: Prng, actor: string, id: string): void {
  const origin = userOrigin(actor)
  const notes = readNotes(doc)
  const action = rnd.next()
  if (action < 0.3 || notes.length === 0) {
    const category = rnd.pick(categories)
    addNote(
      doc,
      asNoteId(id),
      {
        category,
        ...(category === 'interest' ? { side: rnd.int(2) as 0 | 1 } : {}),
        x: rnd.int(2000),
        y: rnd.int(1500),
        author: actor,
        text: `${actor}:${id}`,
      },
      origin,
    )
  } else if (action < 0.65) {
    const note = rnd.pick(notes)
    const at = rnd.int(note.text.length + 1)
    const after =
      note.text.slice(0, at) + String.fromCharCode(97 + rnd.int(26)) + note.text.slice(at)
    editNoteText(doc, note.id, note.text, after, origin)
  } else if (action < 0.9) {
    const category = rnd.pick(categories)
    placeNote(
      doc,
      rnd.pick(notes).id,
      { x: rnd.int(2000), y: rnd.int(1500), category, side: rnd.int(2) as 0 | 1 },
      origin,
    )
  } else {
    deleteNotes(doc, [rnd.pick(notes).id], origin)
  }
}
