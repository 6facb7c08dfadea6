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

/** How an earlier agreement fared, as judged in a follow-up session. */
export const ReviewStatus = { held: 'held', partly: 'partly', notHeld: 'notHeld' } as const
export type ReviewStatus = (typeof ReviewStatus)[keyof typeof ReviewStatus]

/** An agreement of the previous session, brought into a follow-up for review. */
export interface ReviewItem {
  /** The agreement's id on its old board. */
  readonly id: string
  /** The board of the same case and group in this session. */
  readonly boardId: string
  readonly text: string
  readonly owner: string
  readonly due: string
  /** Goal index -> 'supports' | 'neutral' | 'conflicts', as scored when it was made. */
  readonly goals: Readonly<Record<string, string>>
  readonly status: ReviewStatus | null
  /** What chafed, in the group's words. */
  readonly chafed: string
}

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
  readonly lockedBoards: readonly string[]
  /** The board shown to all in plenary (mirroring), or null. */
  readonly spotlight: string | null
  readonly gathering: Gathering | null
  readonly broadcast: Broadcast | null
  readonly participants: readonly Participant[]
  /** Whether joiners pick their own group or wait in the lobby for the facilitator to place them. */
  readonly grouping: 'choose' | 'lobby'
  /** Participant ids the facilitator removed; they cannot rejoin under them. */
  readonly removed: readonly string[]
  readonly series: SeriesInfo
  /** The previous session's agreements, in a follow-up; empty otherwise. */
  readonly review: readonly ReviewItem[]
}

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
  return state !== null && (!state.agendaStarted || phaseRules[state.phase].voting)
}
