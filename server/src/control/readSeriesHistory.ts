import {
  SERIES_HISTORY_LIMIT,
  reviewVerdicts,
  type SeriesBoard,
  type SeriesHistory,
  type SeriesSession,
  type SessionView,
} from '@sparboard/protocol'
import type { LiveDoc } from '../hub/loadBoardSnapshot.js'
import type { Store, WorkshopRecord } from '../store/Store.js'
import { agreementTerms, boardAgreements } from './boardAgreements.js'
import { readStoredSession } from './SessionState.js'

/**
 * [C21] The sessions before a workshop in its series, oldest first, walking `series.previousId`
 * back at most `SERIES_HISTORY_LIMIT` sessions. Each carries its agreements and its own review;
 * nothing else of an earlier session (notes, people, tokens, links, ids) leaves the store.
 */
export async function readSeriesHistory(
  store: Store,
  workshopId: string,
  liveDoc?: LiveDoc,
): Promise<SeriesHistory> {
  const sessions: SeriesSession[] = []
  // A cycle cannot be made through the API; a store edited by hand must not loop the walk.
  const seen = new Set([workshopId])
  let previousId = readStoredSession(await store.getSession(workshopId)).series.previousId
  while (previousId !== null && !seen.has(previousId)) {
    seen.add(previousId)
    // A deleted session ends the history: the series before it is out of reach.
    const workshop = await store.getWorkshop(previousId)
    if (!workshop) break
    if (sessions.length === SERIES_HISTORY_LIMIT)
      return { sessions: sessions.reverse(), truncated: true }
    const session = readStoredSession(await store.getSession(previousId))
    sessions.push(await sessionHistory(store, workshop, session, liveDoc))
    previousId = session.series.previousId
  }
  return { sessions: sessions.reverse(), truncated: false }
}

async function sessionHistory(
  store: Store,
  workshop: WorkshopRecord,
  session: SessionView,
  liveDoc: LiveDoc | undefined,
): Promise<SeriesSession> {
  const boards: SeriesBoard[] = []
  for (const c of workshop.cases) {
    for (const g of workshop.groups) {
      const info = workshop.boards.find((b) => b.caseId === c.id && b.groupId === g.id)
      if (!info) continue
      const agreements = await boardAgreements(store, info.id, liveDoc)
      boards.push({
        caseTitle: c.title,
        broughtBy: c.broughtBy ?? '',
        groupName: g.name,
        agreements: agreements.map((a) => ({
          ...agreementTerms(a),
          id: a.id,
          goals: Object.fromEntries(Object.entries(a.goals)),
        })),
        review: reviewVerdicts(session.review.filter((r) => r.boardId === info.id)),
      })
    }
  }
  return {
    number: session.series.number,
    title: workshop.title,
    createdAt: workshop.createdAt,
    goals: workshop.goals,
    boards,
  }
}
