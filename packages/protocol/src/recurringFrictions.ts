import { z } from 'zod'
import type { ReviewStatus } from './controlSession.js'
import { withoutSchemaCompilation } from './withoutSchemaCompilation.js'

// [CSP] before this module builds a schema (the side-effect module alone is dropped by bundlers)
if (typeof (globalThis as { document?: unknown }).document !== 'undefined')
  withoutSchemaCompilation()

/** How many merge and split decisions a workshop keeps; past it a decision is refused (409). */
export const RECURRING_DECISION_LIMIT = 500

const key = z.string().min(1).max(64)

/**
 * Body of `POST .../recurring-frictions`: `merge` joins the frictions named by their ids (each a
 * key of one of its notes); `split` takes one note, by its key, out of its friction.
 */
export const RecurringDecisionBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merge'), frictions: z.array(key).min(2).max(50) }),
  z.object({ kind: z.literal('split'), note: key }),
])
export type RecurringDecisionBody = z.infer<typeof RecurringDecisionBody>

/** A friction note behind a recurring friction. */
export interface RecurringNote {
  /** Stable and opaque: the same note has the same key in every answer and session. */
  readonly key: string
  readonly text: string
  /** The session of the series it was written in (1 for the first). */
  readonly session: number
  readonly caseTitle: string
  readonly groupName: string
}

/** An agreement of a board where the friction came up, with the next session's verdict on it. */
export interface RecurringAgreement {
  readonly text: string
  readonly owner: string
  /** `YYYY-MM-DD`, or ''. */
  readonly due: string
  readonly session: number
  readonly caseTitle: string
  readonly groupName: string
  /** How the next session judged it; null while not (yet) judged. */
  readonly verdict: ReviewStatus | null
}

/** Similar frictions that came up in more than one group or session. */
export interface RecurringFriction {
  /** The key of its first note; `merge` names frictions by it. */
  readonly id: string
  /** Oldest session first, then in board order. */
  readonly notes: readonly RecurringNote[]
  /** In how many of the workshop's groups it came up (over every session). */
  readonly groups: number
  /** In how many sessions of the series it came up. */
  readonly sessions: number
  /** Agreements of the boards where it came up, with whether they held. */
  readonly agreements: readonly RecurringAgreement[]
}

/** What `GET .../recurring-frictions` answers. */
export interface RecurringFrictions {
  /** The workshop's method has the option on; when off, `frictions` is empty. */
  readonly enabled: boolean
  /** Groups of the workshop (the "of 4" in "came up in 3 of 4 groups"). */
  readonly groupCount: number
  /** Sessions read: this one and the earlier ones of its series. */
  readonly sessionCount: number
  /** Most groups first, then most sessions, then most notes. */
  readonly frictions: readonly RecurringFriction[]
  /** More friction notes than could be grouped: the newest were left out. */
  readonly truncated: boolean
  /** Merge and split decisions stored for this workshop and the earlier sessions of its series. */
  readonly decisions: number
}
