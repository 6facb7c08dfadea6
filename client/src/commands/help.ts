import type { Command } from './Command.js'
import { Icons } from './icons.js'

/** Opens (or closes) the help sheet: every command's keys, read from the registry. */
export const help: Command = {
  id: 'help',
  label: { en: 'Keyboard shortcuts', nl: 'Sneltoetsen' },
  hint: { en: 'Show this help', nl: 'Deze hulp tonen' },
  keys: [{ key: '?' }],
  icon: Icons.help,
  compact: true,
  available: () => true,
  run: (ctx) => ctx.ui.toggleHelp(),
}
