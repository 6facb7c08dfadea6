import { z } from 'zod'
import { Phase, ReviewStatus, defaultAgenda, type SessionView } from '@sparboard/protocol'
import { idleTimer } from './Timer.js'

/** A fresh session: the agenda's first phase, no timer, three votes each. */
export const initialSession = (): SessionView => ({
  phase: defaultAgenda[0] ?? Phase.strategy,
  agendaStarted: false,
  revealed: false,
  privateCounts: {},
  timer: idleTimer,
  voteBudget: 3,
  lockedBoards: [],
  spotlight: null,
  gathering: null,
  broadcast: null,
  participants: [],
  grouping: 'choose',
  removed: [],
  series: { number: 1, previousId: null },
  review: [],
})

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
  lockedBoards: z.array(z.string()),
  spotlight: z.string().nullable(),
  gathering: z.object({ id: z.number(), boardId: z.string(), at: z.number() }).nullable(),
  broadcast: z.object({ id: z.number(), text: z.string(), at: z.number() }).nullable(),
  participants: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      side: z.union([z.literal(0), z.literal(1), z.literal('other')]),
      groupId: z.string().nullable(),
    }),
  ),
  grouping: z.enum(['choose', 'lobby']),
  removed: z.array(z.string()),
  series: z.object({ number: z.number(), previousId: z.string().nullable() }),
  review: z.array(
    z.object({
      id: z.string(),
      boardId: z.string(),
      text: z.string(),
      owner: z.string(),
      due: z.string(),
      goals: z.record(z.string(), z.string()),
      status: z.enum(ReviewStatus).nullable(),
      chafed: z.string(),
    }),
  ),
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
 * [C19] The session row as stored: the view everyone is sent, plus `revealPending`, which only
 * the server reads: a reveal whose private notes are not all on the boards yet.
 */
export const storedSession = (state: SessionView, revealPending: boolean) => ({
  ...state,
  revealPending,
})

/** [C19] Whether a stored session row marks a reveal the server has not finished. */
export const readRevealPending = (stored: unknown): boolean =>
  stored !== null &&
  typeof stored === 'object' &&
  (stored as { revealPending?: unknown }).revealPending === true
