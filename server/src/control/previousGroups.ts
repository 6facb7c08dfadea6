import { nameKey, type SessionView } from '@sparboard/protocol'
import type { Store, WorkshopRecord } from '../store/Store.js'
import { readStoredSession } from './SessionState.js'

/**
 * [C27] In a follow-up that keeps its groups: for each name on the previous session's roster
 * (by `nameKey`), the group of this workshop at the same place as theirs was. Empty otherwise,
 * or when the previous session is gone. Read on the server only: no earlier roster is ever sent.
 */
export async function previousGroups(
  store: Store,
  workshop: WorkshopRecord,
  state: SessionView,
): Promise<ReadonlyMap<string, string>> {
  const previousId = state.series.previousId
  const groups = new Map<string, string>()
  if (previousId === null || !state.keepGroups) return groups
  const [stored, previous] = await Promise.all([
    store.getSession(previousId),
    store.getWorkshop(previousId),
  ])
  if (!previous) return groups
  const place = new Map(previous.groups.map((g, i) => [g.id, i]))
  for (const p of readStoredSession(stored).participants) {
    const group = workshop.groups[place.get(p.groupId ?? '') ?? -1]
    const key = nameKey(p.name)
    if (group && !groups.has(key)) groups.set(key, group.id)
  }
  return groups
}
