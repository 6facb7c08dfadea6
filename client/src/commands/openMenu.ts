import { NOTE_SIZE } from '@sparboard/board-model'
import type { Command } from './Command.js'

/**
 * Opens the context menu for the selection from the keyboard, beside the selected notes (a
 * right-click or a long press on a note opens it at the pointer).
 */
export const openMenu: Command = {
  id: 'openMenu',
  label: { en: 'Menu', nl: 'Menu' },
  hint: {
    en: 'What can be done with the selection (also: right-click, or press and hold)',
    nl: 'Wat je met de selectie kunt doen (ook: rechtsklikken, of lang indrukken)',
  },
  keys: [{ key: 'F10', shift: true }, { key: 'ContextMenu' }],
  available: (ctx) => ctx.editing === null && ctx.selection.length > 0,
  run(ctx) {
    const right = Math.max(...ctx.selection.map((n) => n.x + NOTE_SIZE.width))
    const top = Math.min(...ctx.selection.map((n) => n.y))
    ctx.ui.openMenu(ctx.camera.toClient(right, top))
  },
}
