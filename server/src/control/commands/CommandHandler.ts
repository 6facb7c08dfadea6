import type { z } from 'zod'
import type {
  AckError,
  CommandResult,
  ControlCommand,
  Role,
  SessionView,
  controlCommands,
} from '@sparboard/protocol'
import type { WorkshopRecord } from '../../store/Store.js'

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
}

export type CommandOutcome<C extends ControlCommand> =
  | { readonly state: SessionView; readonly result?: CommandResult<C> }
  | { readonly error: AckError; readonly field?: string }

/** One command: the next state from the current one, or why not. Pure, so it is easy to test. */
export type CommandHandler<C extends ControlCommand> = (
  state: SessionView,
  payload: z.output<(typeof controlCommands)[C]>,
  ctx: CommandContext,
) => CommandOutcome<C>
