import type { WorkshopMethod } from './workshopApi.js'

// No zod here: the board's page reads these, and a module that builds schemas brings zod along
// (bundlers keep a module's top-level schema calls once anything of it is used).

/**
 * The method's defaults as a plain value, for the browser: it reads the method the server
 * answered and starts a new workshop from these, without loading zod (`WorkshopMethod`'s
 * defaults in workshopApi.ts are the same; a unit test keeps them equal).
 */
export const defaultMethod: WorkshopMethod = {
  recurringFrictions: true,
  perspectiveSwap: false,
  fallbackCards: false,
  bothSidesGain: true,
  doubleMajority: { on: false, min: 1, unit: 'votes' },
  positions: true,
  checkableAgreements: true,
}

/** The rule agreements are held to, or null when the workshop does not ask for a double majority. */
export const doubleMajorityRule = (method: WorkshopMethod) =>
  method.doubleMajority.on
    ? { min: method.doubleMajority.min, unit: method.doubleMajority.unit }
    : null

/** Path of the method's options: `PATCH` with the facilitator's bearer token. */
export const methodPath = (workshopId: string) =>
  `/api/workshops/${encodeURIComponent(workshopId)}/method`

/**
 * Path of a workshop's recurring frictions: `GET` answers `RecurringFrictions`, `POST` with a
 * `RecurringDecisionBody` stores a merge or split; the facilitator's token only.
 */
export const recurringPath = (workshopId: string) =>
  `/api/workshops/${encodeURIComponent(workshopId)}/recurring-frictions`
