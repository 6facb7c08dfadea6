import { editNoteText, type NoteId } from '@sparboard/board-model'
import type { BoardAuthor, Command, CommandContext } from './Command.js'
import { Icons } from './icons.js'

const target = (ctx: CommandContext, id?: NoteId) =>
  id ?? (ctx.selected.size === 1 ? ctx.selection[0]?.id : undefined)

/** Opens a note's editor on the canvas: the one note selected, or the one given. */
export const editNote: Command<NoteId> = {
  id: 'editNote',
  label: { en: 'Edit', nl: 'Bewerken' },
  hint: { en: 'Edit the selected note', nl: 'Gekozen notitie bewerken' },
  keys: [{ key: 'Enter' }],
  icon: Icons.edit,
  // Keys go to an open editor; a note asked for by id (a double-click) is opened instead.
  available: (ctx, id) =>
    ctx.canWrite && (id !== undefined || (ctx.editing === null && target(ctx) !== undefined)),
  run(ctx, id) {
    const note = target(ctx, id)
    if (note) ctx.ui.edit(note)
  },
}

/** Replaces a note's text (from the outline's form); `before` is what the form started from. */
export function editText(author: BoardAuthor, id: NoteId, before: string, after: string): void {
  editNoteText(author.doc, id, before, after, author.origin)
}
