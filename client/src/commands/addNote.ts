import { addNoteAt, addNoteInZone, asNoteId, NOTE_SIZE, ZONES } from '@sparboard/board-model'
import type { BoardAuthor, Command } from './Command.js'
import { followNotes } from './follow.js'
import { Icons } from './icons.js'
import { newId } from './newId.js'

/**
 * Adds an empty note and opens it to type in: in the middle of the screen, or at a point; when
 * a note is there, on the nearest free spot of that zone ([L1]), and the view follows it.
 */
export const addNote: Command<{ readonly x: number; readonly y: number }> = {
  id: 'addNote',
  label: { en: 'Note', nl: 'Notitie' },
  hint: { en: 'Add a note', nl: 'Notitie toevoegen' },
  keys: [{ key: 'n', shift: false }],
  icon: Icons.add,
  primary: true,
  available: (ctx) => ctx.canWrite && ctx.author !== null,
  run(ctx, at) {
    const { author } = ctx
    if (!author) return
    const centre = ctx.camera.centre()
    const { x, y } = at ?? { x: centre.x - NOTE_SIZE.width / 2, y: centre.y - NOTE_SIZE.height / 2 }
    const id = asNoteId(newId())
    addNoteAt(
      author.doc,
      id,
      { x, y },
      { author: author.name, authorSide: author.side },
      author.origin,
    )
    followNotes(ctx, [id])
    ctx.ui.select([id])
    ctx.ui.edit(id)
  },
}

/** Adds a note with its text to a zone (by its index in ZONES), in the zone's first free spot. */
export function addNoteToZone(author: BoardAuthor, zoneIndex: number, text: string): void {
  const zone = ZONES[zoneIndex]
  if (!zone) return
  const note = { text, author: author.name, authorSide: author.side }
  addNoteInZone(author.doc, asNoteId(newId()), zone, note, author.origin)
}
