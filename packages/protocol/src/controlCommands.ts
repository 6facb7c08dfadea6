import { z } from 'zod'
import { Phase } from './controlPhases.js'
import { FALLBACK_TEXT_MAX, MAX_NAME, readReviewStatus } from './controlSession.js'
import { Role } from './Role.js'
import { withoutSchemaCompilation } from './withoutSchemaCompilation.js'

// [CSP] before this module builds a schema (the side-effect module alone is dropped by bundlers)
if (typeof (globalThis as { document?: unknown }).document !== 'undefined')
  withoutSchemaCompilation()

const id = z.string().min(1).max(64)

const HOUR = 60 * 60 * 1000

const day = z.string().regex(/^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?$/)
const side = z.union([z.literal(0), z.literal(1), z.literal('other')])

/** A participant signing an agreement (the limits are the board model's). */
export const AgreementSignerSchema = z.strictObject({
  id,
  name: z.string().trim().min(1).max(80),
  side,
})

/** What is measured, the target, and where it is read (the board model's limits). */
export const AgreementCriterionSchema = z.strictObject({
  measure: z.string().trim().max(200),
  target: z.string().trim().max(120),
  source: z.string().trim().max(200),
})

/** An agreement's terms, as a renegotiation sends them ([C26]). */
export const AgreementTermsSchema = z.strictObject({
  text: z.string().trim().min(1).max(2000),
  owner: z.string().trim().max(80),
  ownedBy: AgreementSignerSchema.nullable(),
  cosigner: AgreementSignerSchema.nullable(),
  criterion: AgreementCriterionSchema.nullable(),
  due: day,
  reviewOn: day,
})

/**
 * A verdict's status: met, partly, notMet, renegotiated; the older `held` and `notHeld` are still
 * taken (as met and not met).
 */
const reviewStatus = z
  .enum(['met', 'partly', 'notMet', 'renegotiated', 'held', 'notHeld'])
  .transform(readReviewStatus)

/**
 * Every event a client may send on the control plane, with the zod schema of its payload. The
 * server validates each payload against it; event names are written only here.
 */
export const controlCommands = {
  /** Anyone: the server's clock, to show timers in sync. */
  'clock:sync': z.strictObject({}),
  /** Participant: who I am; `participantId` with its `personalToken` rejoins after a reconnect. */
  'session:join': z.strictObject({
    name: z.string().trim().min(1).max(MAX_NAME),
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
  /** [C31] "Everyone to me" on a board; null ends it. It ends the spotlight, and the other way round. */
  'board:gather': z.strictObject({ boardId: id.nullable() }),
  /** [C33] Whether the voting round is blind (the default). */
  'votes:setBlind': z.strictObject({ blind: z.boolean() }),
  /** [C33] Closes the voting phase's round: ballots go onto the boards, counts shown to all. */
  'votes:close': z.strictObject({}),
  /** [C33] A participant's dot on a note (`delta` 1) or one taken back (-1), in a blind round. */
  'votes:cast': z.strictObject({
    boardId: id,
    noteId: id,
    delta: z.union([z.literal(1), z.literal(-1)]),
    side: z.union([z.literal(0), z.literal(1)]),
  }),
  /** [C33] This participant's own ballot on a board (after a reload). */
  'votes:mine': z.strictObject({ boardId: id }),
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
  /**
   * [C26] The facilitator's final verdict on an earlier agreement: how it did against its
   * criterion, what chafed, and with `renegotiated` the new `terms` (required then; the owner and
   * co-signer are participants of this session, of two sides).
   */
  'review:set': z.strictObject({
    agreementId: id,
    status: reviewStatus.nullable(),
    chafed: z.string().max(2000),
    terms: AgreementTermsSchema.nullable().optional(),
  }),
  /** [C26] A participant's proposal for that verdict; recorded with their name. */
  'review:propose': z.strictObject({
    agreementId: id,
    status: reviewStatus.nullable(),
    chafed: z.string().max(2000),
    terms: AgreementTermsSchema.nullable().optional(),
  }),
  /**
   * [FB1] A participant's side's "if we don't agree" card on a board (empty text: none). Kept on
   * the server, seen by that side only, until the facilitator reveals it.
   */
  'fallback:write': z.strictObject({ boardId: id, text: z.string().max(FALLBACK_TEXT_MAX) }),
  /** [FB1] This participant's side's card on a board (after a reload, or a teammate's save). */
  'fallback:mine': z.strictObject({ boardId: id }),
  /** [FB1] The facilitator puts both sides' cards of a board on it, for everyone. */
  'fallback:reveal': z.strictObject({ boardId: id }),
  /** [C27] In a follow-up: keep last session's groups for joiners (true) or regroup (false). */
  'session:keepGroups': z.strictObject({ keep: z.boolean() }),
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
  'votes:setBlind': facilitator,
  'votes:close': facilitator,
  'votes:cast': [Role.participant],
  'votes:mine': [Role.participant],
  'participant:assign': facilitator,
  'participant:remove': facilitator,
  'session:setGrouping': facilitator,
  'review:set': facilitator,
  'review:propose': [Role.participant],
  'session:keepGroups': facilitator,
  'private:count': [Role.participant],
  'fallback:write': [Role.participant],
  'fallback:mine': [Role.participant],
  'fallback:reveal': facilitator,
}

/** Why a command was refused. */
export const AckError = {
  forbidden: 'forbidden',
  invalid: 'invalid',
  notFound: 'not-found',
  conflict: 'conflict',
  /** Too many at once ([C24]: joins); `retryAfter` says how many seconds to wait. */
  rateLimited: 'rate-limited',
  internal: 'internal',
} as const
export type AckError = (typeof AckError)[keyof typeof AckError]

/** The answer to every command: done (with any data), or refused with why and which field. */
export type Ack<T extends object = object> =
  | ({ readonly ok: true } & T)
  | {
      readonly ok: false
      readonly error: AckError
      readonly field?: string
      readonly retryAfter?: number
    }

/** What each command answers when it succeeds, beyond `ok: true`. */
export interface CommandResults {
  'clock:sync': { readonly serverTime: number }
  'votes:cast': { readonly mine: Ballot }
  'votes:mine': { readonly mine: Ballot }
  /** [FB1] The card of the asker's side, to them alone: its text and who saved it last. */
  'fallback:write': FallbackCard
  'fallback:mine': FallbackCard
  'session:join': {
    readonly participantId: string
    /**
     * [C25] Only when the roster holds another name than the one asked for: the taken name with
     * a suffix ("Anna (2)"), which the joiner should be shown.
     */
    readonly name?: string
    /** Only on a first join: the key to this participant's private rooms (keep it). */
    readonly privateKey?: string
    /**
     * Only on a first join ([C20]): this participant's own token, for their board connections and
     * to prove who they are on a rejoin. Keep it; it is never sent again, nor to anyone else.
     */
    readonly personalToken?: string
  }
}
/** [FB1] A side's hidden "if we don't agree" card, as its side sees it ('' when none). */
export interface FallbackCard {
  readonly text: string
  /** The name of who saved it last, or ''. */
  readonly by: string
}
/** [C33] One participant's dots on one board, by note id. */
export type Ballot = Readonly<Record<string, number>>
export type CommandResult<C extends ControlCommand> = C extends keyof CommandResults
  ? CommandResults[C]
  : object
