import { z } from 'zod'
import { Phase, defaultAgenda, readReviewStatus, type SessionView } from '@sparboard/protocol'
import { idleTimer } from './Timer.js'

/** A fresh session: the agenda's first phase, no timer, three votes each. */
export const initialSession = (): SessionView => ({
  phase: defaultAgenda[0] ?? Phase.strategy,
  agendaStarted: false,
  revealed: false,
  privateCounts: {},
  timer: idleTimer,
  voteBudget: 3,
  voteRound: { blind: true, closed: false },
  ballotCounts: {},
  lockedBoards: [],
  fallbacks: {},
  fallbacksRevealed: [],
  spotlight: null,
  gathering: null,
  broadcast: null,
  participants: [],
  grouping: 'choose',
  keepGroups: false,
  removed: [],
  series: { number: 1, previousId: null },
  review: [],
  revision: 0,
})

const side = z.union([z.literal(0), z.literal(1), z.literal('other')])
const signer = z.object({ id: z.string(), name: z.string(), side }).nullable().default(null)
// Checkable agreements: rows stored before them have none of these fields.
const storedTerms = {
  text: z.string(),
  owner: z.string(),
  due: z.string(),
  ownedBy: signer,
  cosigner: signer,
  criterion: z
    .object({ measure: z.string(), target: z.string(), source: z.string() })
    .nullable()
    .default(null),
  reviewOn: z.string().default(''),
}
// Older rows hold `held` and `notHeld`: they read as met and not met.
const status = z.unknown().transform(readReviewStatus)
const newTerms = z.object(storedTerms).nullable().default(null)

const StoredSession = z.object({
  phase: z.enum(Phase),
  agendaStarted: z.boolean(),
  revealed: z.boolean(),
  privateCounts: z.record(z.string(), z.number()),
  timer: z.object({
    running: z.boolean(),
    endsAt: z.number().nullable(),
    remainingMs: z.number(),
    durationMs: z.number(),
  }),
  voteBudget: z.number(),
  voteRound: z.object({ blind: z.boolean(), closed: z.boolean() }),
  ballotCounts: z.record(z.string(), z.number()),
  lockedBoards: z.array(z.string()),
  fallbacks: z.record(z.string(), z.number()),
  fallbacksRevealed: z.array(z.string()),
  spotlight: z.string().nullable(),
  gathering: z.object({ id: z.number(), boardId: z.string(), at: z.number() }).nullable(),
  broadcast: z.object({ id: z.number(), text: z.string(), at: z.number() }).nullable(),
  participants: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      side,
      groupId: z.string().nullable(),
    }),
  ),
  grouping: z.enum(['choose', 'lobby']),
  keepGroups: z.boolean(),
  removed: z.array(z.string()),
  series: z.object({ number: z.number(), previousId: z.string().nullable() }),
  review: z.array(
    z.object({
      ...storedTerms,
      id: z.string(),
      boardId: z.string(),
      goals: z.record(z.string(), z.string()),
      status,
      chafed: z.string(),
      newTerms,
      // [C26] rows stored before verdicts were recorded have neither
      decidedAt: z.number().nullable().default(null),
      history: z
        .array(
          z.object({
            kind: z.enum(['proposal', 'verdict']),
            by: z.string(),
            name: z.string(),
            status,
            chafed: z.string(),
            terms: newTerms,
            at: z.number(),
          }),
        )
        .default([]),
    }),
  ),
  revision: z.number().int().nonnegative(),
})

/**
 * A session read back from the store. Fields added by later versions get their defaults, so an
 * older row still loads; a row that cannot be read starts the session afresh rather than failing.
 */
export function readStoredSession(stored: unknown): SessionView {
  if (stored === null || typeof stored !== 'object') return initialSession()
  const parsed = StoredSession.safeParse({ ...initialSession(), ...stored })
  return parsed.success ? parsed.data : initialSession()
}

/**
 * [C33] A blind round's ballots: dots by `<boardId>/<participantId>/<noteId>`, with the side they
 * count for. Only the server reads them; they go onto the boards when the round closes.
 */
export type Ballots = Readonly<Record<string, { readonly side: 0 | 1; readonly count: number }>>

const StoredBallots = z.record(
  z.string(),
  z.object({ side: z.union([z.literal(0), z.literal(1)]), count: z.number().int().positive() }),
)

/**
 * [FB1] The hidden "if we don't agree" cards, by `<boardId>/<side>`: the text and who saved it
 * last. Only the server reads them; they go onto their board when the facilitator reveals it.
 */
export type FallbackTexts = Readonly<Record<string, { readonly text: string; readonly by: string }>>

const StoredFallbacks = z.record(z.string(), z.object({ text: z.string(), by: z.string() }))

/**
 * [C19] The session row as stored: the view everyone is sent, plus what only the server reads:
 * `revealPending`, a reveal whose private notes are not all on the boards yet, ([C33]) the
 * ballots of a blind round not yet on the boards and ([FB1]) the hidden "if we don't agree" cards.
 */
export const storedSession = (
  state: SessionView,
  revealPending: boolean,
  ballots: Ballots = {},
  fallbackTexts: FallbackTexts = {},
) => ({
  ...state,
  revealPending,
  ballots,
  fallbackTexts,
})

/** [FB1] The hidden cards a stored session row holds (none when it cannot be read). */
export function readFallbackTexts(stored: unknown): FallbackTexts {
  if (stored === null || typeof stored !== 'object') return {}
  const parsed = StoredFallbacks.safeParse(
    (stored as { fallbackTexts?: unknown }).fallbackTexts ?? {},
  )
  return parsed.success ? parsed.data : {}
}

/** [C33] The ballots a stored session row holds (none when it cannot be read). */
export function readBallots(stored: unknown): Ballots {
  if (stored === null || typeof stored !== 'object') return {}
  const parsed = StoredBallots.safeParse((stored as { ballots?: unknown }).ballots ?? {})
  return parsed.success ? parsed.data : {}
}

/** [C19] Whether a stored session row marks a reveal the server has not finished. */
export const readRevealPending = (stored: unknown): boolean =>
  stored !== null &&
  typeof stored === 'object' &&
  (stored as { revealPending?: unknown }).revealPending === true
