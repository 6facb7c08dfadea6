import { z } from 'zod'
import type { Role } from './Role.js'
import { withoutSchemaCompilation } from './withoutSchemaCompilation.js'

// [CSP] before this module builds a schema (the side-effect module alone is dropped by bundlers)
if (typeof (globalThis as { document?: unknown }).document !== 'undefined')
  withoutSchemaCompilation()

const text = (max: number) => z.string().trim().min(1).max(max)

/** The longest name `broughtBy` takes. */
export const MAX_BROUGHT_BY = 120

/**
 * [G2] Double majority: a solution becomes an agreement only with at least `min` dots (`votes`)
 * or `min` % of the side's voters on the board (`percent`) from each side.
 */
export const DoubleMajorityOption = z.object({
  on: z.boolean(),
  min: z.number().int().min(1).max(100),
  unit: z.enum(['votes', 'percent']),
})
export type DoubleMajorityOption = z.infer<typeof DoubleMajorityOption>

/**
 * How a workshop works: options of its method, each with its default (kept by a follow-up). The
 * recurring frictions, both sides must gain, positions and checkable agreements are on unless
 * switched off; the perspective swap, the fallback cards and the double majority, which change
 * the agenda or gate agreements, are off unless asked.
 */
export const WorkshopMethod = z.object({
  /** Similar frictions across groups and sessions are grouped for the facilitator and the report. */
  recurringFrictions: z.boolean().default(true),
  /** [SW1] A perspective swap before the interests: each side guesses the other's interests. */
  perspectiveSwap: z.boolean().default(false),
  /** [FB1] Per case and side an "if we don't agree" card, hidden until the facilitator reveals it. */
  fallbackCards: z.boolean().default(false),
  /** [G1] Both sides must gain: solutions are linked to the interests they serve; a solution serving one side only is marked one-sided. */
  bothSidesGain: z.boolean().default(true),
  /** [G2] Off by default: agreements need no votes unless the facilitator asks for them. */
  doubleMajority: DoubleMajorityOption.default({ on: false, min: 1, unit: 'votes' }),
  /** [G3] Positions become interests: a note marked a position asks "why does this matter to you?". */
  positions: z.boolean().default(true),
  /**
   * Agreements that can be checked (on by default): an accountable owner picked from the
   * participants, a co-signer of the other side, a criterion and a review date; a follow-up
   * judges each against its criterion.
   */
  checkableAgreements: z.boolean().default(true),
})
export type WorkshopMethod = z.infer<typeof WorkshopMethod>

/** The method of a workshop stored without one, or with fields added since: the defaults. */
export const methodOf = (stored: unknown): WorkshopMethod => {
  const parsed = WorkshopMethod.safeParse(stored ?? {})
  return parsed.success ? parsed.data : WorkshopMethod.parse({})
}

/** Body of `PATCH /api/workshops/:id/method` (facilitator): the options to change. */
export const MethodPatch = z.strictObject({ checkableAgreements: z.boolean().optional() })
export type MethodPatch = z.infer<typeof MethodPatch>

/** Body of `POST /api/workshops` (public contract; see architecture.md). */
export const CreateWorkshopBody = z.object({
  title: text(200),
  goals: z.array(text(500)).max(20).default([]),
  sides: z.tuple([text(60), text(60)]).default(['Sales', 'Operations']),
  cases: z
    .array(
      z.object({
        title: text(200),
        description: z.string().max(4000).optional(),
        broughtBy: z.string().trim().max(MAX_BROUGHT_BY).optional(),
      }),
    )
    .min(1)
    .max(20),
  groups: z.number().int().min(1).max(20),
  method: WorkshopMethod.default(() => WorkshopMethod.parse({})),
})
export type CreateWorkshopBody = z.infer<typeof CreateWorkshopBody>
/** What a client may send as that body: fields with a default may be left out. */
export type CreateWorkshopInput = z.input<typeof CreateWorkshopBody>

/** One board: one case worked by one group. */
export interface BoardInfo {
  readonly id: string
  readonly caseId: string
  readonly groupId: string
}

export interface CaseInfo {
  readonly id: string
  readonly title: string
  readonly description: string
  /** Who brought the case to the workshop, or '' when nobody was named. */
  readonly broughtBy: string
}

export interface GroupInfo {
  readonly id: string
  readonly name: string
}

/** What `GET /api/workshops/:id` answers to any of the workshop's tokens. */
export interface WorkshopView {
  readonly id: string
  readonly title: string
  readonly goals: readonly string[]
  readonly sides: readonly [string, string]
  readonly cases: readonly CaseInfo[]
  readonly groups: readonly GroupInfo[]
  readonly boards: readonly BoardInfo[]
  /** [SW1] [FB1] The method options switched on for this workshop. */
  /** The method's options the facilitator chose for this workshop. */
  readonly method: WorkshopMethod
  /** The role of the token that asked. */
  readonly role: Role
}

export type Links = {
  readonly facilitator: string
  readonly participant: string
  readonly observer: string
}

/** What `POST /api/workshops` answers (201). */
export interface CreatedWorkshop extends Omit<WorkshopView, 'role'> {
  readonly tokens: Links
  readonly links: Links
}

/** Error body of every API error: the field is named when one input was wrong. */
export interface ApiError {
  readonly error: string
  readonly field?: string
}

/** Answer of `POST /api/workshops/:id/links/:role/rotate`: the role's new token and link. */
export interface RotatedLink {
  readonly role: keyof Links
  readonly token: string
  readonly link: string
}
