import type { Command } from './Command.js'

export const selectAll: Command = {
  id: 'selectAll',
  label: { en: 'Select all', nl: 'Alles kiezen' },
  hint: { en: 'Select all notes', nl: 'Alle notities kiezen' },
  keys: [{ key: 'a', mod: true }],
  available: (ctx) => ctx.editing === null,
  run: (ctx) => ctx.ui.select(ctx.view.board.notes.map((n) => n.id)),
}

export const clearSelection: Command = {
  id: 'clearSelection',
  label: { en: 'Clear the selection', nl: 'Selectie opheffen' },
  keys: [{ key: 'Escape', keepDefault: true }],
  available: (ctx) => ctx.editing === null && ctx.selected.size > 0,
  run: (ctx) => ctx.ui.select([]),
}
