import { phaseRules, type Phase } from './controlPhases.js'

/** Which side a participant is on: one of the workshop's two sides, or neither. */
export type SideChoice = 0 | 1 | 'other'

/** Someone who joined by the participant link. */
export interface Participant {
  readonly id: string
  readonly name: string
  readonly side: SideChoice
  /** The breakout group, or null while in the lobby. */
  readonly groupId: string | null
}

/**
 * The countdown, on the server's clock. While running, `endsAt` is when it reaches zero; while
 * paused, `remainingMs` is what is left. Every screen derives the same remaining time from it.
 */
export interface TimerState {
  readonly running: boolean
  readonly endsAt: number | null
  readonly remainingMs: number
  /** What the facilitator last started it with, for the progress display. */
  readonly durationMs: number
}

/** A message the facilitator sent to everyone. */
export interface Broadcast {
  readonly id: number
  readonly text: string
  readonly at: number
}

/** "Everyone to me": the board the facilitator called everyone to, and when. */
export interface Gathering {
  readonly id: number
  readonly boardId: string
  readonly at: number
}

/**
 * [C33] The voting round. Blind (the default): nobody's dots are on the boards until the
 * facilitator closes the round; then every board gets them at once, with their sides.
 */
export interface VoteRound {
  readonly blind: boolean
  /** The facilitator closed this phase's round: no more votes, the counts are on the boards. */
  readonly closed: boolean
}

/**
 * How an earlier agreement fared, as judged in a follow-up against its criterion: met, partly,
 * not met, or renegotiated (with new terms that the agreement keeps from then on).
 */
export const ReviewStatus = {
  met: 'met',
  partly: 'partly',
  notMet: 'notMet',
  renegotiated: 'renegotiated',
} as const
export type ReviewStatus = (typeof ReviewStatus)[keyof typeof ReviewStatus]

/**
 * Statuses stored or sent before agreements were checkable, and what they read as now: an
 * agreement that `held` was met, one `notHeld` was not met.
 */
export const legacyReviewStatus = { held: ReviewStatus.met, notHeld: ReviewStatus.notMet } as const

/** A status as stored or sent, old or new, as it reads now; null for anything else. */
export function readReviewStatus(value: unknown): ReviewStatus | null {
  if (value === 'held') return legacyReviewStatus.held
  if (value === 'notHeld') return legacyReviewStatus.notHeld
  return reviewStatuses.find((s) => s === value) ?? null
}

/** The statuses a verdict takes now, in the order a form offers them. */
export const reviewStatuses: readonly ReviewStatus[] = Object.values(ReviewStatus)

/** A participant who signs an agreement, as they were when they signed (the id says who). */
export interface AgreementSigner {
  readonly id: string
  readonly name: string
  readonly side: SideChoice
}

/** How an agreement is checked: what is measured, the target, and where it is read. */
export interface AgreementCriterion {
  readonly measure: string
  readonly target: string
  readonly source: string
}

/**
 * What an agreement commits to: its text, the accountable owner (a participant; on older boards
 * only the free-text `owner`), the co-signer of the other side, its criterion and dates.
 */
export interface AgreementTerms {
  readonly text: string
  /** The owner's name: the participant's as they signed, or free text. */
  readonly owner: string
  readonly ownedBy: AgreementSigner | null
  readonly cosigner: AgreementSigner | null
  readonly criterion: AgreementCriterion | null
  /** `YYYY-MM-DD`, or ''. */
  readonly due: string
  /** When it is reviewed: `YYYY-MM-DD`, or ''. */
  readonly reviewOn: string
}

/**
 * [C26] One word on a reviewed agreement: a participant's proposal, or the facilitator's verdict.
 * Kept in order (the last `REVIEW_HISTORY_LIMIT`), so who said what stays on record.
 */
export interface ReviewEntry {
  readonly kind: 'proposal' | 'verdict'
  /** The participant's id, or `facilitator`. */
  readonly by: string
  /** The participant's name when they gave it; empty for the facilitator. */
  readonly name: string
  readonly status: ReviewStatus | null
  readonly chafed: string
  /** With `renegotiated`: the new terms proposed or set; null otherwise. */
  readonly terms: AgreementTerms | null
  /** When, on the server's clock. */
  readonly at: number
}

/** [C26] How many proposals and verdicts a review item keeps (the oldest go first). */
export const REVIEW_HISTORY_LIMIT = 30

/**
 * An agreement of the previous session, brought into a follow-up for review, its terms (and
 * criterion) pre-filled. An agreement renegotiated there comes into the next follow-up again,
 * under the same id, with its new terms.
 */
export interface ReviewItem extends AgreementTerms {
  /** The agreement's id on the board it was made on; the same across the series. */
  readonly id: string
  /** The board of the same case and group in this session. */
  readonly boardId: string
  /** Goal index -> 'supports' | 'neutral' | 'conflicts', as scored when it was made. */
  readonly goals: Readonly<Record<string, string>>
  /** [C26] The final verdict: only the facilitator sets it. */
  readonly status: ReviewStatus | null
  /** What chafed, in the group's words, as the facilitator settled it. */
  readonly chafed: string
  /** With `renegotiated`: the new terms, which the agreement keeps in the next session. */
  readonly newTerms: AgreementTerms | null
  /** [C26] When the facilitator last set the verdict; null while only proposed. */
  readonly decidedAt: number | null
  /** [C26] Every proposal and verdict, oldest first. */
  readonly history: readonly ReviewEntry[]
}

/**
 * A criterion as one line, "on-time-in-full >= 95 %, read from the weekly planning report"
 * (`readFrom` words the source in the reader's language); '' without a criterion.
 */
export function criterionLine(
  c: AgreementCriterion | null,
  readFrom: (source: string) => string,
): string {
  if (!c) return ''
  const what = [c.measure, c.target]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ')
  const source = c.source.trim()
  return [what, source && readFrom(source)].filter(Boolean).join(', ')
}

/** The terms an item holds (what a review or an export shows of the agreement as it stood). */
export const termsOf = (t: AgreementTerms): AgreementTerms => ({
  text: t.text,
  owner: t.owner,
  ownedBy: t.ownedBy,
  cosigner: t.cosigner,
  criterion: t.criterion,
  due: t.due,
  reviewOn: t.reviewOn,
})

/** Where a session sits in a workshop series. */
export interface SeriesInfo {
  /** 1 for the first session, 2 for its first follow-up, and so on. */
  readonly number: number
  readonly previousId: string | null
}

/** The session as every client sees it; sent whole after each change and on (re)connect. */
export interface SessionView {
  readonly phase: Phase
  /** Whether the facilitator has moved the session off its first phase: tools follow the phase only then. */
  readonly agendaStarted: boolean
  /** In a private-writing phase: whether the facilitator has revealed the notes. */
  readonly revealed: boolean
  /** Private notes waiting for the reveal, by `<boardId>/<participantId>`: counts, never content. */
  readonly privateCounts: Readonly<Record<string, number>>
  readonly timer: TimerState
  readonly voteBudget: number
  readonly voteRound: VoteRound
  /**
   * [C33] Dots cast in a blind round, by `<boardId>/<participantId>`: how many each person used,
   * never on which notes. Dropped at a phase change.
   */
  readonly ballotCounts: Readonly<Record<string, number>>
  readonly lockedBoards: readonly string[]
  /**
   * [FB1] The "if we don't agree" cards still hidden, by `<boardId>/<side>`: how many times each
   * was saved (a number, never its text), so the pages of its side read it again and the
   * facilitator sees which sides wrote one. Dropped for a board once its cards are revealed.
   */
  readonly fallbacks: Readonly<Record<string, number>>
  /** [FB1] Boards whose "if we don't agree" cards the facilitator revealed (they are on the board). */
  readonly fallbacksRevealed: readonly string[]
  /** The board shown to all in plenary (mirroring), or null. */
  readonly spotlight: string | null
  readonly gathering: Gathering | null
  readonly broadcast: Broadcast | null
  readonly participants: readonly Participant[]
  /** Whether joiners pick their own group or wait in the lobby for the facilitator to place them. */
  readonly grouping: 'choose' | 'lobby'
  /**
   * [C27] In a follow-up: whether a joiner who was in the previous session goes back to that
   * session's group (until the facilitator regroups).
   */
  readonly keepGroups: boolean
  /** Participant ids the facilitator removed; they cannot rejoin under them. */
  readonly removed: readonly string[]
  readonly series: SeriesInfo
  /** The previous session's agreements, in a follow-up; empty otherwise. */
  readonly review: readonly ReviewItem[]
  /**
   * [S5] Counts the session's changes, on every node. States can reach a client out of order
   * (two nodes change it one after the other and broadcast in the other order); a client keeps
   * the one with the highest revision.
   */
  readonly revision: number
}

/** [S5] Whether a state received should replace the one a client holds. */
export const newerSession = (held: SessionView | null | undefined, received: SessionView) =>
  !held || received.revision >= held.revision

/** The milliseconds left on a timer at `serverNow` (a time on the server's clock). */
export function timerRemaining(timer: TimerState, serverNow: number): number {
  if (!timer.running || timer.endsAt === null) return timer.remainingMs
  return Math.max(0, timer.endsAt - serverNow)
}

/**
 * Whether votes may be cast or taken back now ([C14]): in the voting phase, or on a board used
 * before the facilitator started the agenda. Closed while the session has not loaded.
 */
export function votingOpen(state: SessionView | null): boolean {
  if (state === null) return false
  if (!state.agendaStarted) return true
  return phaseRules[state.phase].voting && !state.voteRound.closed
}

/**
 * [C33] Whether a blind round runs now: votes go to the server as ballots (`votes:cast`), and no
 * board holds anyone's dots until the facilitator closes the round.
 */
export function blindVoting(state: SessionView | null): boolean {
  return (
    state !== null &&
    state.agendaStarted &&
    phaseRules[state.phase].voting &&
    state.voteRound.blind &&
    !state.voteRound.closed
  )
}

/**
 * [C25] The form of a name two people may not share in a workshop: trimmed, inner spaces as one,
 * case and width folded ("anna", " Anna " and "ＡＮＮＡ" are one name).
 */
export const nameKey = (name: string): string =>
  name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()

/** [FB1] The longest "if we don't agree" card (here, not beside its schema: the client reads it without zod). */
export const FALLBACK_TEXT_MAX = 2000

/** [C25] The longest name a participant may have (the join's `name`). */
export const MAX_NAME = 60

/**
 * [C25] `name`, or the first of "name (2)", "name (3)", ... no one in `taken` (keys of
 * `nameKey`) has; a long name is shortened to leave room for the suffix.
 */
export function distinctName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/\s+/g, ' ').trim()
  if (!taken.has(nameKey(base))) return base
  for (let n = 2; n <= taken.size + 1; n++) {
    const suffix = ` (${n})`
    const candidate = base.slice(0, MAX_NAME - suffix.length).trimEnd() + suffix
    if (!taken.has(nameKey(candidate))) return candidate
  }
  // not reached: taken.size candidates cannot all be among the taken.size - 1 other names
  return base
}
