import { z } from 'zod'

const text = (max: number) => z.string().trim().min(1).max(max)

/** The longest name `broughtBy` takes. */
export const MAX_BROUGHT_BY = 120

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
})
export type CreateWorkshopBody = z.infer<typeof CreateWorkshopBody>

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
  /** The role of the token that asked. */
  readonly role: 'facilitator' | 'participant' | 'observer'
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
