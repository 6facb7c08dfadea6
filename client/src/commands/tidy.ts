import {
  NOTE_SIZE,
  readNotes,
  tidyNotes,
  ZONES,
  zoneFor,
  zoneForNote,
  type TidyGrouping,
  type Zone,
} from '@sparboard/board-model'
import type { Bilingual, Command, CommandContext } from './Command.js'
import { followNotes } from './follow.js'

/** How each grouping reads in the tidy menu. */
export const GROUPING_LABELS: Record<TidyGrouping, Bilingual> = {
  cluster: { en: 'By cluster', nl: 'Per cluster' },
  side: { en: 'By side', nl: 'Per kant' },
  votes: { en: 'By votes', nl: 'Op stemmen' },
}

// Per tab: the keys tidy the way the menu last chose.
let chosen: TidyGrouping = 'cluster'
/** The grouping T and Shift+T use: the one last picked in the tidy menu. */
export const tidyGrouping = {
  get: (): TidyGrouping => chosen,
  set(by: TidyGrouping) {
    chosen = by
  },
}

/** The zone of the first selected note, else the zone in the middle of the screen. */
export function zoneInFocus(ctx: CommandContext): Zone {
  const first = ctx.selection[0]
  if (first) return zoneFor(first.category, first.side)
  const c = ctx.camera.centre()
  return zoneForNote(c.x - NOTE_SIZE.width / 2, c.y - NOTE_SIZE.height / 2)
}

// Offered whenever this person may write, so the toolbar keeps its width (and its buttons their
// places) while a note is edited; runs when there are notes and no editor is open.
const canTidy = (ctx: CommandContext) => ctx.canWrite && ctx.author !== null
const hasNotes = (ctx: CommandContext) => ctx.editing === null && ctx.view.board.notes.length > 0

function tidy(ctx: CommandContext, zones: readonly Zone[], by: TidyGrouping) {
  const { author } = ctx
  if (!author) return
  tidyGrouping.set(by)
  tidyNotes(author.doc, zones, by, author.origin)
  // What was selected stays in view; else the tidied zone does.
  const shown = new Set(zones)
  const ids = ctx.selected.size > 0 ? ctx.selected : []
  const inZones = readNotes(author.doc)
    .filter((n) => shown.has(zoneFor(n.category, n.side)))
    .map((n) => n.id)
  followNotes(ctx, ctx.selected.size > 0 || zones.length > 1 ? ids : inZones)
}

/** [L4] Arranges the notes of one zone in its grid, grouped; one undo step, live for everyone. */
export const tidyZone: Command<TidyGrouping> = {
  id: 'tidyZone',
  label: { en: 'Tidy zone', nl: 'Zone opruimen' },
  hint: {
    en: 'Arrange the notes of this zone in a grid (the selection’s zone, else the one in view)',
    nl: 'De notities van deze zone in een raster zetten (de zone van de selectie, anders die in beeld)',
  },
  keys: [{ key: 't', shift: false }],
  available: canTidy,
  enabled: hasNotes,
  run: (ctx, by) => tidy(ctx, [zoneInFocus(ctx)], by ?? tidyGrouping.get()),
}

/** [L4] Arranges every zone's notes in its grid, grouped; one undo step. */
export const tidyBoard: Command<TidyGrouping> = {
  id: 'tidyBoard',
  label: { en: 'Tidy board', nl: 'Bord opruimen' },
  hint: {
    en: 'Arrange the notes of every zone in a grid',
    nl: 'De notities van elke zone in een raster zetten',
  },
  keys: [{ key: 't', shift: true }],
  available: canTidy,
  enabled: hasNotes,
  run: (ctx, by) => tidy(ctx, ZONES, by ?? tidyGrouping.get()),
}
