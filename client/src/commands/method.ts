import {
  answerPosition,
  asNoteId,
  doubleMajorityMet,
  linkNotes,
  markPosition,
  unlinkNotes,
  type NoteId,
  type NoteSnapshot,
} from '@sparboard/board-model'
import { doubleMajorityRule } from '@sparboard/protocol'
import type { BoardAuthor, Command, CommandContext } from './Command.js'
import { newId } from './newId.js'
import { strokeIcon } from './strokeIcon.js'

/** The note given (the outline's buttons), else the one selected note, when there is exactly one. */
const single = (ctx: CommandContext, id?: NoteId): NoteSnapshot | null =>
  id !== undefined
    ? (ctx.view.notesById.get(id) ?? null)
    : ctx.selection.length === 1
      ? ctx.selection[0]!
      : null

/** [G1] Opens the list of interests the selected solution can be linked to. */
export const linkInterests: Command<NoteId> = {
  id: 'linkInterests',
  label: { en: 'Interests it serves…', nl: 'Belangen die het dient…' },
  hint: {
    en: 'Link the selected solution to the interests it serves (both sides must gain)',
    nl: 'De gekozen oplossing koppelen aan de belangen die ze dient (beide kanten winnen)',
  },
  keys: [{ key: 'l', shift: false }],
  icon: strokeIcon('M2 8h9 M8 4.5 11.5 8 8 11.5 M13.5 3v10'),
  available: (ctx, id) =>
    ctx.method.bothSidesGain && ctx.canWrite && single(ctx, id)?.category === 'solution',
  run(ctx, id) {
    const note = single(ctx, id)
    if (note) ctx.ui.linkInterests(note.id)
  },
}

/** [G3] Marks the selected interest as a position: the board then asks why it matters. */
export const markAsPosition: Command<NoteId> = {
  id: 'markAsPosition',
  label: { en: 'Mark as position', nl: 'Markeren als standpunt' },
  hint: {
    en: 'This is a position ("we need two-day delivery"): ask why it matters',
    nl: 'Dit is een standpunt („we moeten binnen twee dagen leveren”): vraag waarom het ertoe doet',
  },
  icon: strokeIcon('M4 14.5V2 M4 2.5h8l-2 3 2 3H4'),
  available: (ctx, id) => {
    const note = single(ctx, id)
    return ctx.method.positions && ctx.canWrite && note?.category === 'interest' && !note.position
  },
  run(ctx, id) {
    const note = single(ctx, id)
    if (note && ctx.author) markPosition(ctx.author.doc, note.id, true, ctx.author.origin)
  },
}

/** [G3] Takes the position mark off the selected note. */
export const unmarkPosition: Command<NoteId> = {
  id: 'unmarkPosition',
  label: { en: 'Not a position', nl: 'Geen standpunt' },
  icon: strokeIcon('M4 14.5V2 M4 2.5h8l-2 3 2 3H4 M2 2l12 12'),
  available: (ctx, id) =>
    ctx.method.positions && ctx.canWrite && single(ctx, id)?.position === true,
  run(ctx, id) {
    const note = single(ctx, id)
    if (note && ctx.author) markPosition(ctx.author.doc, note.id, false, ctx.author.origin)
  },
}

/** [G3] Asks the selected position's "why does this matter to you?". */
export const askWhy: Command<NoteId> = {
  id: 'askWhy',
  label: { en: 'Why does this matter?', nl: 'Waarom is dit belangrijk?' },
  hint: {
    en: 'Answer why this position matters: the answer becomes an interest beneath it',
    nl: 'Beantwoord waarom dit standpunt ertoe doet: het antwoord wordt een belang eronder',
  },
  keys: [{ key: 'w', shift: false }],
  icon: strokeIcon('M5.5 6a2.5 2.5 0 1 1 3.5 2.3c-.7.4-1 .9-1 1.7 M8 12.5v.5'),
  available: (ctx, id) =>
    ctx.method.positions && ctx.canWrite && single(ctx, id)?.position === true,
  run(ctx, id) {
    const note = single(ctx, id)
    if (note) ctx.ui.askWhy(note.id)
  },
}

/** Links or unlinks a solution (or position) and an interest. */
export function toggleLink(author: BoardAuthor, from: NoteId, to: NoteId, on: boolean) {
  if (on) return linkNotes(author.doc, from, to, author.name, author.origin)
  unlinkNotes(author.doc, from, to, author.origin)
  return 'ok'
}

/** Writes the answer to a position's why as an interest beneath it; its id. */
export function answerWhy(author: BoardAuthor, position: NoteId, text: string): NoteId | null {
  return answerPosition(
    author.doc,
    position,
    asNoteId(newId()),
    { text, author: author.name, authorSide: author.side },
    author.origin,
  )
}

/**
 * [G2] Whether the solution may become an agreement now: always, unless the workshop asks for a
 * double majority and a side lacks the votes (the server refuses it too, [H28]).
 */
export const agreementAllowed = (ctx: CommandContext, solution: NoteId): boolean =>
  doubleMajorityMet(ctx.view.board.votes, solution, doubleMajorityRule(ctx.method))
