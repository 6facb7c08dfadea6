import { duplicateNotes, type NoteSnapshot } from '@sparboard/board-model'
import type { Command, CommandContext } from './Command.js'
import { followNotes } from './follow.js'
import { Icons } from './icons.js'
import { newId } from './newId.js'

/** How far a copy lands from what it copies, right and down. */
export const PASTE_OFFSET = 24

// Per tab, not per board: notes copied on one board can be pasted on another.
let clipboard: readonly NoteSnapshot[] = []

const hasSelection = (ctx: CommandContext) => ctx.editing === null && ctx.selection.length > 0

/** Writes copies of notes, a little offset or on free spots ([L2]), as mine; selects them. */
function pasteCopies(ctx: CommandContext, source: readonly NoteSnapshot[]) {
  const { author } = ctx
  if (!author || source.length === 0) return
  const options = {
    dx: PASTE_OFFSET,
    dy: PASTE_OFFSET,
    author: author.name,
    authorSide: author.side,
    newId,
  }
  const copies = duplicateNotes(author.doc, source, options, author.origin)
  followNotes(ctx, copies)
  ctx.ui.select(copies)
}

export const duplicateSelection: Command = {
  id: 'duplicate',
  label: { en: 'Duplicate', nl: 'Dupliceren' },
  keys: [{ key: 'd', mod: true }],
  icon: Icons.duplicate,
  compact: true,
  available: (ctx) => ctx.canWrite && hasSelection(ctx),
  run: (ctx) => pasteCopies(ctx, ctx.selection),
}

export const copySelection: Command = {
  id: 'copy',
  label: { en: 'Copy', nl: 'Kopiëren' },
  keys: [{ key: 'c', mod: true, keepDefault: true }],
  available: hasSelection,
  run(ctx) {
    clipboard = ctx.selection
  },
}

export const paste: Command = {
  id: 'paste',
  label: { en: 'Paste', nl: 'Plakken' },
  keys: [{ key: 'v', mod: true }],
  available: (ctx) => ctx.canWrite && ctx.editing === null && clipboard.length > 0,
  run(ctx) {
    pasteCopies(ctx, clipboard)
    // Pasting again lands further on, not on top of the last copies.
    clipboard = clipboard.map((n) => ({ ...n, x: n.x + PASTE_OFFSET, y: n.y + PASTE_OFFSET }))
  },
}
