import {
  addAgreement,
  asAgreementId,
  deleteAgreement,
  updateAgreement,
  type AgreementId,
  type AgreementSnapshot,
  type Criterion,
  type Signer,
  type GoalScore,
  type NoteSnapshot,
} from '@sparboard/board-model'
import type { BoardAuthor, Command, CommandContext } from './Command.js'
import { Icons } from './icons.js'
import { agreementAllowed } from './method.js'
import { newId } from './newId.js'

/** What the agreement form edits: a new agreement from a solution, or an existing one. */
export type AgreementDraft =
  | { readonly kind: 'new'; readonly solution: NoteSnapshot }
  | { readonly kind: 'edit'; readonly agreement: AgreementSnapshot }

/**
 * What the form gives: a goal scored null is not linked. With checkable agreements, the owner
 * picked from the participants, a co-signer of the other side, a criterion and a review date.
 */
export interface AgreementValues {
  readonly text: string
  readonly owner: string
  readonly ownedBy?: Signer | null
  readonly cosigner?: Signer | null
  readonly criterion?: Criterion | null
  readonly reviewOn?: string
  readonly due: string
  readonly goals: Readonly<Record<number, GoalScore | null>>
}

/** The one selected note, when it is a solution. */
const solution = (ctx: CommandContext) =>
  ctx.selection.length === 1 && ctx.selection[0]!.category === 'solution' ? ctx.selection[0]! : null

const agreementOf = (ctx: CommandContext) => {
  const note = solution(ctx)
  return note ? ctx.view.agreementBySolution.get(note.id) : undefined
}

/** Opens the form that turns the selected solution into an agreement. */
export const makeAgreement: Command = {
  id: 'makeAgreement',
  label: { en: 'Make agreement', nl: 'Afspraak maken' },
  hint: {
    en: 'Turn the selected solution into an agreement',
    nl: 'Van de gekozen oplossing een afspraak maken',
  },
  keys: [{ key: 'a', shift: false }],
  // A solution that is an agreement already is shown it, not given a second one.
  available: (ctx) => ctx.canWrite && solution(ctx) !== null && !agreementOf(ctx),
  // [G2] under a double majority, only with enough votes from each side
  enabled: (ctx) => agreementAllowed(ctx, solution(ctx)!.id),
  disabledHint: {
    en: 'Needs more votes from each side first (double majority)',
    nl: 'Heeft eerst meer stemmen van beide kanten nodig (dubbele meerderheid)',
  },
  run(ctx) {
    const note = solution(ctx)
    if (note) ctx.ui.draftAgreement(note)
  },
}

export const showAgreement: Command = {
  id: 'showAgreement',
  label: { en: 'Show agreement', nl: 'Afspraak tonen' },
  hint: {
    en: 'This solution is an agreement already: show it',
    nl: 'Deze oplossing is al een afspraak: toon die',
  },
  keys: [{ key: 'a', shift: false }],
  icon: Icons.agreement,
  available: (ctx) => agreementOf(ctx) !== undefined,
  run(ctx) {
    const agreement = agreementOf(ctx)
    if (agreement) ctx.ui.showAgreement(agreement.id)
  },
}

/** Writes what the agreement form gives: a new agreement, or changes to one. */
export function saveAgreement(author: BoardAuthor, draft: AgreementDraft, values: AgreementValues) {
  if (draft.kind === 'edit') {
    updateAgreement(author.doc, draft.agreement.id, values, author.origin)
    return
  }
  const input = {
    ...values,
    author: author.name,
    // The model takes time from its caller; this is that caller.
    createdAt: Date.now(),
    solutionIds: [draft.solution.id],
  }
  addAgreement(author.doc, asAgreementId(newId()), input, author.origin)
}

export function removeAgreement(author: BoardAuthor, id: AgreementId) {
  deleteAgreement(author.doc, id, author.origin)
}
