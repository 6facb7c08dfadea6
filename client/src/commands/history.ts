import type { Command } from './Command.js'
import { Icons } from './icons.js'

/** Takes back this person's last change, never anyone else's. */
export const undo: Command = {
  id: 'undo',
  label: { en: 'Undo', nl: 'Ongedaan maken' },
  hint: {
    en: 'Undo your own last change',
    nl: 'Je eigen laatste wijziging ongedaan maken',
  },
  keys: [{ key: 'z', mod: true, shift: false }],
  icon: Icons.undo,
  compact: true,
  available: (ctx) => ctx.canWrite,
  enabled: (ctx) => ctx.undo.canUndo,
  run: (ctx) => ctx.undo.undo(),
}

export const redo: Command = {
  id: 'redo',
  label: { en: 'Redo', nl: 'Opnieuw' },
  keys: [
    { key: 'z', mod: true, shift: true },
    { key: 'y', mod: true, alias: true },
  ],
  icon: Icons.redo,
  compact: true,
  available: (ctx) => ctx.canWrite,
  enabled: (ctx) => ctx.undo.canRedo,
  run: (ctx) => ctx.undo.redo(),
}
