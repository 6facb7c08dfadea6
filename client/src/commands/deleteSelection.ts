import { deleteNotes } from '@sparboard/board-model'
import type { Command } from './Command.js'
import { Icons } from './icons.js'

export const deleteSelection: Command = {
  id: 'delete',
  label: { en: 'Delete', nl: 'Verwijderen' },
  hint: { en: 'Delete the selection', nl: 'Selectie verwijderen' },
  keys: [{ key: 'Delete' }, { key: 'Backspace', alias: true }],
  icon: Icons.delete,
  compact: true,
  available: (ctx) => ctx.canWrite && ctx.editing === null && ctx.selected.size > 0,
  run(ctx) {
    if (!ctx.author) return
    deleteNotes(ctx.author.doc, [...ctx.selected], ctx.author.origin)
    ctx.ui.select([])
  },
}
