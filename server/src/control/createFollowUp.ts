import {
  methodOf,
  type AgreementTerms,
  type ReviewItem,
  type SessionView,
} from '@sparboard/protocol'
import type { Store, WorkshopRecord } from '../store/Store.js'
import { newWorkshop } from '../workshops/newWorkshop.js'
import { agreementTerms, boardAgreements } from './boardAgreements.js'
import { initialSession, readStoredSession } from './SessionState.js'

/**
 * The next session of a workshop series: same goals, sides, cases, groups and method options,
 * fresh links and empty boards, and every agreement of the previous session waiting for review on
 * the board of the same case and group. An agreement the previous session renegotiated in its own
 * review comes along again, under its id, with the new terms (its criterion pre-filled).
 */
export async function createFollowUp(
  store: Store,
  previous: WorkshopRecord,
  now: number,
): Promise<{ workshop: WorkshopRecord; session: SessionView }> {
  const workshop = newWorkshop(
    {
      title: previous.title,
      goals: [...previous.goals],
      sides: [previous.sides[0], previous.sides[1]],
      cases: previous.cases.map((c) => ({
        title: c.title,
        description: c.description,
        broughtBy: c.broughtBy,
      })),
      groups: previous.groups.length,
      // [SW1] [FB1] the next session runs the same method
      method: methodOf(previous.method),
    },
    now,
  )
  const caseIndex = new Map(previous.cases.map((c, i) => [c.id, i]))
  const groupIndex = new Map(previous.groups.map((g, i) => [g.id, i]))
  const before = readStoredSession(await store.getSession(previous.id))
  const review: ReviewItem[] = []
  const fresh = (id: string, boardId: string, terms: AgreementTerms, goals: ReviewItem['goals']) =>
    review.push({
      ...terms,
      id,
      boardId,
      goals,
      status: null,
      chafed: '',
      newTerms: null,
      decidedAt: null,
      history: [],
    })
  for (const old of previous.boards) {
    const next = workshop.boards.find(
      (b) =>
        b.caseId === workshop.cases[caseIndex.get(old.caseId) ?? -1]?.id &&
        b.groupId === workshop.groups[groupIndex.get(old.groupId) ?? -1]?.id,
    )
    if (!next) continue
    for (const r of before.review)
      if (r.boardId === old.id && r.status === 'renegotiated' && r.newTerms)
        fresh(r.id, next.id, r.newTerms, r.goals)
    for (const a of await boardAgreements(store, old.id))
      fresh(a.id, next.id, agreementTerms(a), Object.fromEntries(Object.entries(a.goals)))
  }
  const session: SessionView = {
    ...initialSession(),
    voteBudget: before.voteBudget,
    series: { number: before.series.number + 1, previousId: previous.id },
    // [C27] people go back to their groups until the facilitator regroups
    keepGroups: true,
    review,
  }
  await store.createWorkshop(workshop)
  await store.saveSession(workshop.id, session)
  return { workshop, session }
}
