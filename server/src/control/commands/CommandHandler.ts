import type { z } from 'zod'
import {
  controlCommands,
  type CommandResult,
  type ControlCommand,
  type Role,
  type SessionView,
} from '@sparboard/protocol'
import type { WorkshopRecord } from '../../store/Store.js'
import type { SessionChange } from '../SessionRegistry.js'
import type { Ballots, FallbackTexts } from '../SessionState.js'

/** Each command's payload as its schema leaves it. */
export type CommandPayloads = { [C in ControlCommand]: z.output<(typeof controlCommands)[C]> }

/**
 * The payload schemas, typed per command: parsing command `C`'s payload gives `C`'s payload, also
 * where `C` is generic (the dispatcher's).
 */
export const commandSchemas: { readonly [C in ControlCommand]: z.ZodType<CommandPayloads[C]> } =
  controlCommands

/** What a command runs with: the workshop it belongs to, the server's clock, a way to make ids. */
export interface CommandContext {
  readonly workshop: WorkshopRecord
  readonly role: Role
  readonly now: number
  readonly newId: () => string
  /** An unguessable key (128 bits), for capabilities such as private rooms. */
  readonly newSecret: () => string
  /** A new token (192 bits, like a link's), for a participant's personal token ([C20]). */
  readonly newToken: () => string
  /** The participant this command proved to be with their personal token ([C9]), if any. */
  readonly proven: string | null
  /**
   * The participant this connection speaks for: the one it joined (or rejoined) as, else the one
   * its personal token belongs to; null for a shared link that has not joined. [C13] whose counts
   * it sets; [C26] who proposes; [C33] whose ballot `votes:cast` changes.
   */
  readonly participantId: string | null
  /** [C33] The blind round's ballots (server-only; never in the state). */
  readonly ballots: Ballots
  /** [FB1] The hidden "if we don't agree" cards (server-only; never in the state). */
  readonly fallbacks?: FallbackTexts
  /**
   * [C27] In a follow-up that keeps its groups: the group (of this workshop) each name of the
   * previous session's roster was in, by `nameKey`; read for a join only.
   */
  readonly previousGroups: ReadonlyMap<string, string>
}

/** The next state (with the ballots, when they changed [C33], and the ack's data), or why not. */
export type CommandOutcome<C extends ControlCommand> = SessionChange<CommandResult<C>>

/** One command: the next state from the current one, or why not. Pure, so it is easy to test. */
export type CommandHandler<C extends ControlCommand> = (
  state: SessionView,
  payload: CommandPayloads[C],
  ctx: CommandContext,
) => CommandOutcome<C>
