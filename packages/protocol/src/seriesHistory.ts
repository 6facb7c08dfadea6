import type { ReviewItem, ReviewStatus } from './controlSession.js'

/** Path of the series history: `GET` with any token of the workshop ([C21]). */
export const seriesPath = (workshopId: string) =>
  `/api/workshops/${encodeURIComponent(workshopId)}/series`

/** How many earlier sessions the history goes back at most; `truncated` says when there are more. */
export const SERIES_HISTORY_LIMIT = 24

/** An agreement of an earlier session: what was agreed, by whom, until when, and its strategy check. */
export interface SeriesAgreement {
  /** The agreement's id on its board; the next session's review names it ([C11]). */
  readonly id: string
  readonly text: string
  readonly owner: string
  /** `YYYY-MM-DD`, or ''. */
  readonly due: string
  /** Goal index -> 'supports' | 'neutral' | 'conflicts', as in the strategy check. */
  readonly goals: Readonly<Record<string, string>>
}

/** How a follow-up judged one agreement of the session before it ([C11]). */
export interface SeriesVerdict {
  /** The agreement as it was brought into the review; its id is the one on the earlier board. */
  readonly agreement: SeriesAgreement
  /** Null while nobody has judged it. */
  readonly status: ReviewStatus | null
  /** What chafed, in the group's words. */
  readonly chafed: string
}

/** One board of an earlier session: a case worked by a group. */
export interface SeriesBoard {
  readonly caseTitle: string
  /** Who brought the case, or ''. */
  readonly broughtBy: string
  readonly groupName: string
  readonly agreements: readonly SeriesAgreement[]
  /** When that session was a follow-up: its review, on this board, of the session before. */
  readonly review: readonly SeriesVerdict[]
}

/** An earlier session of the series, as everyone of a later session may read it. */
export interface SeriesSession {
  /** 1 for the first session of the series, and so on. */
  readonly number: number
  readonly title: string
  /** When the session was created, in milliseconds since the epoch. */
  readonly createdAt: number
  /** The goals its agreements were scored against (the indexes in `goals` point here). */
  readonly goals: readonly string[]
  /** In the order of its cases, then groups. */
  readonly boards: readonly SeriesBoard[]
}

/**
 * What `GET /api/workshops/:id/series` answers ([C21]): the sessions before this one, oldest
 * first. Agreements and reviews only: no notes, tokens, links or ids of the earlier sessions.
 */
export interface SeriesHistory {
  readonly sessions: readonly SeriesSession[]
  /** The series goes back further than `SERIES_HISTORY_LIMIT` sessions; the oldest are left out. */
  readonly truncated: boolean
}

/** An agreement of an earlier session with the verdict of the session after it (null: none yet). */
export interface SeriesOutcome {
  readonly agreement: SeriesAgreement
  readonly verdict: Omit<SeriesVerdict, 'agreement'> | null
}

/**
 * A board's agreements of an earlier session, each with how the next session judged it on the
 * board of the same case and group (`later`: that board's review, [C11]). A verdict whose
 * agreement has since left the board still shows, as it was reviewed.
 * @example seriesOutcomes(history.sessions[0].boards[0], history.sessions[1].boards[0].review)
 */
export function seriesOutcomes(
  board: SeriesBoard,
  later: readonly SeriesVerdict[],
): SeriesOutcome[] {
  const verdictOf = (v: SeriesVerdict) => ({ status: v.status, chafed: v.chafed })
  const byId = new Map(later.map((v) => [v.agreement.id, v]))
  const kept = new Set(board.agreements.map((a) => a.id))
  return [
    ...board.agreements.map((agreement) => {
      const v = byId.get(agreement.id)
      return { agreement, verdict: v ? verdictOf(v) : null }
    }),
    ...later
      .filter((v) => !kept.has(v.agreement.id))
      .map((v) => ({ agreement: v.agreement, verdict: verdictOf(v) })),
  ]
}

/** Review items, of the session running now or stored, as series verdicts. */
export const reviewVerdicts = (items: readonly ReviewItem[]): SeriesVerdict[] =>
  items.map((r) => ({
    agreement: { id: r.id, text: r.text, owner: r.owner, due: r.due, goals: r.goals },
    status: r.status,
    chafed: r.chafed,
  }))
