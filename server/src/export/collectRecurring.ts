import { methodOf } from '@sparboard/protocol'
import { readStoredSession } from '../control/SessionState.js'
import type { LiveDoc } from '../hub/loadBoardSnapshot.js'
import type { Store, WorkshopRecord } from '../store/Store.js'
import { collectWorkshop, type WorkshopState } from './collectWorkshop.js'
import { readDecisions, type RecurringInput } from './recurringFrictions.js'

/** How many earlier sessions of a series recurring frictions read at most. */
export const RECURRING_SESSION_LIMIT = 12

/**
 * What an export worker needs besides the workshop to find its recurring frictions: the earlier
 * sessions of its series (walking `series.previousId` back, as [C21] does; their boards encoded,
 * copied as bytes here and read in the worker) and the stored decisions of each session.
 */
export async function collectRecurring(
  store: Store,
  liveDoc: LiveDoc | undefined,
  workshop: WorkshopRecord,
): Promise<RecurringInput> {
  if (!methodOf(workshop.method).recurringFrictions)
    return { enabled: false, earlier: [], decisions: [], truncated: false }
  const earlier: WorkshopState[] = []
  const seen = new Set([workshop.id])
  let truncated = false
  let previousId = readStoredSession(await store.getSession(workshop.id)).series.previousId
  while (previousId !== null && !seen.has(previousId)) {
    seen.add(previousId)
    const record = await store.getWorkshop(previousId)
    if (!record) break
    if (earlier.length === RECURRING_SESSION_LIMIT) {
      truncated = true
      break
    }
    // nobody of an earlier session is named: the worker gets its boards, not its people
    earlier.push({ ...(await collectWorkshop(store, liveDoc, record)), participants: [] })
    previousId = readStoredSession(await store.getSession(previousId)).series.previousId
  }
  earlier.reverse()
  const ids = [...earlier.map((s) => s.workshop.id), workshop.id]
  const decisions = []
  for (const id of ids) decisions.push(...readDecisions(await store.recurringDecisions(id)))
  return { enabled: true, earlier, decisions, truncated }
}
