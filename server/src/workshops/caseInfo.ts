import type { CaseInfo } from '@sparboard/protocol'
import type { StoredCase } from '../store/Store.js'

/** A stored case as the API and exports show it: `broughtBy` is '' for a case stored before it existed. */
export const caseInfo = (c: StoredCase): CaseInfo => ({
  id: c.id,
  title: c.title,
  description: c.description,
  broughtBy: c.broughtBy ?? '',
})
