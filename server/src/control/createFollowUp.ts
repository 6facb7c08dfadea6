import type { ReviewItem, SessionView } from '@sparboard/protocol'
import type { Store, WorkshopRecord } from '../store/Store.js'
import { newWorkshop } from '../workshops/newWorkshop.js'
import { boardAgreements } from './boardAgreements.js'
import { initialSession, readStoredSession } from './SessionState.js'

/**
 * The next session of a workshop series: same goals, sides, cases and groups, fresh links and
 * empty boards, and every agreement of the previous session waiting for review on the board of
 * the same case and group.
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
    },
    now,
  )
  const caseIndex = new Map(previous.cases.map((c, i) => [c.id, i]))
  const groupIndex = new Map(previous.groups.map((g, i) => [g.id, i]))
  const review: ReviewItem[] = []
  for (const old of previous.boards) {
    const next = workshop.boards.find(
      (b) =>
        b.caseId === workshop.cases[caseIndex.get(old.caseId) ?? -1]?.id &&
        b.groupId === workshop.groups[groupIndex.get(old.groupId) ?? -1]?.id,
    )
    if (!next) continue
    for (const a of await boardAgreements(store, old.id)) {
      review.push({
        id: a.id,
        boardId: next.id,
        text: a.text,
        owner: a.owner,
        due: a.due,
        goals: Object.fromEntries(Object.entries(a.goals)),
        status: null,
        chafed: '',
      })
    }
  }
  const before = readStoredSession(await store.getSession(previous.id))
  const session: SessionView = {
    ...initialSession(),
    voteBudget: before.voteBudget,
    series: { number: before.series.number + 1, previousId: previous.id },
    review,
  }
  await store.createWorkshop(workshop)
  await store.saveSession(workshop.id, session)
  return { workshop, session }
}
