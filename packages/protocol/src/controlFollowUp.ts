import type { CreatedWorkshop } from './workshopApi.js'

/** Path of the follow-up call: `POST` with the facilitator's bearer token, no body. */
export const followUpPath = (workshopId: string) =>
  `/api/workshops/${encodeURIComponent(workshopId)}/follow-up`

/** What `POST /api/workshops/:id/follow-up` answers (201): the next session of the series. */
export interface CreatedFollowUp extends CreatedWorkshop {
  readonly previousId: string
  /** How many agreements came along for review. */
  readonly review: number
}
