import { z } from 'zod'
import { Phase } from './controlPhases.js'
import { ReviewStatus } from './controlSession.js'
import { Role } from './Role.js'

const id = z.string().min(1).max(64)
const HOUR = 60 * 60 * 1000

/**
 * Every event a client may send on the control plane, with the zod schema of its payload. The
 * server validates each payload against it; event names are written only here.
 */
export const controlCommands = {
  /** Anyone: the server's clock, to show timers in sync. */
  'clock:sync': z.strictObject({}),
  /** Participant: who I am; `participantId` with its `personalToken` rejoins after a reconnect. */
  'session:join': z.strictObject({
    name: z.string().trim().min(1).max(60),
    side: z.union([z.literal(0), z.literal(1), z.literal('other')]),
    groupId: id.nullable().optional(),
    participantId: id.optional(),
    /** [C9] The proof that this is `participantId`: the personal token its first join handed out. */
    personalToken: z.string().min(1).max(100).optional(),
  }),
  'phase:set': z.strictObject({ phase: z.enum(Phase) }),
  /** Ends private writing: every author's notes appear for all. */
  'phase:reveal': z.strictObject({}),
  /** Starts afresh with `durationMs`, or resumes a paused timer without it. */
  'timer:start': z.strictObject({
    durationMs: z
      .number()
      .int()
      .min(1000)
      .max(4 * HOUR)
      .optional(),
  }),
  'timer:pause': z.strictObject({}),
  'timer:addTime': z.strictObject({ ms: z.number().int().min(-HOUR).max(HOUR) }),
  'votes:setBudget': z.strictObject({ budget: z.number().int().min(0).max(50) }),
  'message:broadcast': z.strictObject({ text: z.string().trim().min(1).max(500) }),
  'board:lock': z.strictObject({ boardIds: z.array(id).min(1).max(400), locked: z.boolean() }),
  'board:spotlight': z.strictObject({ boardId: id.nullable() }),
  'board:gather': z.strictObject({ boardId: id }),
  'participant:assign': z.strictObject({ participantId: id, groupId: id.nullable() }),
  /** Takes someone off the roster; their browser can no longer rejoin under that id. */
  'participant:remove': z.strictObject({ participantId: id }),
  /** Whether joiners pick their own group ('choose') or wait in the lobby to be placed. */
  'session:setGrouping': z.strictObject({ grouping: z.enum(['choose', 'lobby']) }),
  /** How many private notes this participant has on a board: a count, never content. */
  'private:count': z.strictObject({
    participantId: id,
    boardId: id,
    count: z.number().int().min(0).max(10_000),
  }),
  /** A follow-up's review of an earlier agreement: how it held, and what chafed. */
  'review:set': z.strictObject({
    agreementId: id,
    status: z.enum(ReviewStatus).nullable(),
    chafed: z.string().max(2000),
  }),
} as const

export type ControlCommand = keyof typeof controlCommands
export type CommandPayload<C extends ControlCommand> = z.input<(typeof controlCommands)[C]>

const everyone: readonly Role[] = [Role.facilitator, Role.participant, Role.observer]
const facilitator: readonly Role[] = [Role.facilitator]

/** Who may send each command; the server refuses everyone else, whatever they send. */
export const commandRoles: Readonly<Record<ControlCommand, readonly Role[]>> = {
  'clock:sync': everyone,
  'session:join': [Role.participant],
  'phase:set': facilitator,
  'phase:reveal': facilitator,
  'timer:start': facilitator,
  'timer:pause': facilitator,
  'timer:addTime': facilitator,
  'votes:setBudget': facilitator,
  'message:broadcast': facilitator,
  'board:lock': facilitator,
  'board:spotlight': facilitator,
  'board:gather': facilitator,
  'participant:assign': facilitator,
  'participant:remove': facilitator,
  'session:setGrouping': facilitator,
  'review:set': [Role.facilitator, Role.participant],
  'private:count': [Role.participant],
}

/** Why a command was refused. */
export const AckError = {
  forbidden: 'forbidden',
  invalid: 'invalid',
  notFound: 'not-found',
  conflict: 'conflict',
  internal: 'internal',
} as const
export type AckError = (typeof AckError)[keyof typeof AckError]

/** The answer to every command: done (with any data), or refused with why and which field. */
export type Ack<T extends object = object> =
  | ({ readonly ok: true } & T)
  | { readonly ok: false; readonly error: AckError; readonly field?: string }

/** What each command answers when it succeeds, beyond `ok: true`. */
export interface CommandResults {
  'clock:sync': { readonly serverTime: number }
  'session:join': {
    readonly participantId: string
    /** Only on a first join: the key to this participant's private rooms (keep it). */
    readonly privateKey?: string
    /**
     * Only on a first join ([C20]): this participant's own token, for their board connections and
     * to prove who they are on a rejoin. Keep it; it is never sent again, nor to anyone else.
     */
    readonly personalToken?: string
  }
}
export type CommandResult<C extends ControlCommand> = C extends keyof CommandResults
  ? CommandResults[C]
  : object
