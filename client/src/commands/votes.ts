import { castVote, retractVote, type NoteId } from '@sparboard/board-model'
import type { Command, CommandContext } from './Command.js'
import { Icons } from './icons.js'

/** The notes voted on: those given (a note's badge, the outline), else the selected ones. */
const targets = (ctx: CommandContext, ids?: readonly NoteId[]) =>
  ids ?? ctx.selection.map((n) => n.id)

// [C14] only in the voting phase, and only by someone who votes; the server undoes any other
// vote ([H21]).
const canVote = (ctx: CommandContext, ids?: readonly NoteId[]) =>
  ctx.canWrite && ctx.voting.open && ctx.author !== null && targets(ctx, ids).length > 0

/** Puts one of my dots on each note, while I have dots left. */
export const vote: Command<readonly NoteId[]> = {
  id: 'vote',
  label: { en: 'Vote', nl: 'Stem' },
  hint: { en: 'Put a vote on the selected notes', nl: 'Een stem op de gekozen notities zetten' },
  keys: [{ key: 'v', shift: false }],
  icon: Icons.vote,
  available: canVote,
  enabled: (ctx) => ctx.voting.left > 0,
  disabledHint: {
    en: 'No votes left: take one back first',
    nl: 'Geen stemmen meer: haal er eerst een terug',
  },
  run(ctx, ids) {
    const { author, voting } = ctx
    if (!author || !voting.participant) return
    const voter = { participant: voting.participant, side: author.side, budget: voting.budget }
    // [C33] a blind round's dots go to the server; only as many as are left
    if (voting.cast) for (const id of targets(ctx, ids).slice(0, voting.left)) voting.cast(id, 1)
    else for (const id of targets(ctx, ids)) castVote(author.doc, id, voter, author.origin)
  },
}

/** Takes one of my dots back off each note that has one. */
export const takeBackVote: Command<readonly NoteId[]> = {
  id: 'takeBackVote',
  label: { en: 'Take a vote back', nl: 'Stem terugnemen' },
  keys: [{ key: 'v', shift: true }],
  available: (ctx, ids) =>
    canVote(ctx, ids) && targets(ctx, ids).some((id) => (ctx.view.tally.get(id)?.mine ?? 0) > 0),
  run(ctx, ids) {
    const { author, voting } = ctx
    if (!author || !voting.participant) return
    for (const id of targets(ctx, ids))
      if (voting.cast) {
        if ((ctx.view.tally.get(id)?.mine ?? 0) > 0) voting.cast(id, -1)
      } else retractVote(author.doc, id, voting.participant, author.origin)
  },
}
