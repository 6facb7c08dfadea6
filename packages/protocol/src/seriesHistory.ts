import {
  termsOf,
  type AgreementTerms,
  type ReviewItem,
  type ReviewStatus,
} from './controlSession.js'

/** Path of the series history: `GET` with any token of the workshop ([C21]). */
export const seriesPath = (workshopId: string) =>
  `/api/workshops/${encodeURIComponent(workshopId)}/series`

/** How many earlier sessions the history goes back at most; `truncated` says when there are more. */
export const SERIES_HISTORY_LIMIT = 24

/**
 * An agreement of an earlier session: what was agreed, by whom (owner and co-signer), how it is
 * checked, until when, and its strategy check.
 */
export interface SeriesAgreement extends AgreementTerms {
  /** The agreement's id on its board; the next session's review names it ([C11]). */
  readonly id: string
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
  /** With `renegotiated`: the new terms the agreement kept from then on. */
  readonly newTerms: AgreementTerms | null
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
  const verdictOf = (v: SeriesVerdict) => ({
    status: v.status,
    chafed: v.chafed,
    newTerms: v.newTerms,
  })
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
    agreement: { ...termsOf(r), id: r.id, goals: r.goals },
    status: r.status,
    chafed: r.chafed,
    newTerms: r.newTerms,
  }))

/** One step in the life of an agreement across a series. */
export interface TrackStep {
  /** The session's number in the series. */
  readonly session: number
  /** `made`: agreed on a board of that session; `review`: judged there. */
  readonly kind: 'made' | 'review'
  /** The terms as agreed, or as they stood when judged. */
  readonly terms: AgreementTerms
  readonly status: ReviewStatus | null
  readonly chafed: string
  /** With `renegotiated`: the terms the agreement keeps from then on. */
  readonly newTerms: AgreementTerms | null
}

/**
 * Each agreement's history across the series, by its id (an agreement keeps its id when it is
 * renegotiated and reviewed again): where it was made, then every review, oldest first. `now` is
 * the session running, with its review items.
 * @example agreementTracks(history.sessions, { number: 3, review: state.review }).get(id)
 */
export function agreementTracks(
  sessions: readonly SeriesSession[],
  now?: { readonly number: number; readonly review: readonly ReviewItem[] },
): ReadonlyMap<string, readonly TrackStep[]> {
  const out = new Map<string, TrackStep[]>()
  const add = (id: string, step: TrackStep) => out.set(id, [...(out.get(id) ?? []), step])
  const judged = (session: number, v: SeriesVerdict): TrackStep => ({
    session,
    kind: 'review',
    terms: termsOf(v.agreement),
    status: v.status,
    chafed: v.chafed,
    newTerms: v.newTerms,
  })
  for (const s of sessions)
    for (const b of s.boards) {
      for (const v of b.review) add(v.agreement.id, judged(s.number, v))
      for (const a of b.agreements)
        add(a.id, {
          session: s.number,
          kind: 'made',
          terms: termsOf(a),
          status: null,
          chafed: '',
          newTerms: null,
        })
    }
  if (now) for (const v of reviewVerdicts(now.review)) add(v.agreement.id, judged(now.number, v))
  return out
}
