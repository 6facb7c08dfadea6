import type { Ack, CommandPayload, CommandResult, ControlCommand } from './controlCommands.js'
import type { BoardPresence, ControlRelay, RelayPayload, SharedView } from './controlRelays.js'
import type { SessionView } from './controlSession.js'
import type { Role } from './Role.js'

/** What a client learns when its control connection opens (and again after a reconnect). */
export interface SessionHello {
  readonly workshopId: string
  readonly role: Role
  /** The server's clock, so timers can be shown in sync. */
  readonly serverTime: number
}

/** Who has the workshop open now (control connections). */
export interface WorkshopPresence {
  /** Open control connections of every role. */
  readonly online: number
  /** [C28] Ids of the participants with at least one open connection, joined as themselves. */
  readonly participants: readonly string[]
  /** [C29] Whether a facilitator's page is open. */
  readonly facilitator: boolean
}

/** Events the server sends on the control plane (socket.io). Board content never travels here. */
export interface ServerToClientEvents {
  'session:hello': (hello: SessionHello) => void
  'workshop:presence': (presence: WorkshopPresence) => void
  /** The whole session after every change and on (re)connect, stamped with the server's clock. */
  'session:state': (state: SessionView, serverTime: number) => void
  /** [C32] The facilitator's view of a board, for those following it. */
  'session:view': (view: SharedView) => void
  /** [C34] Participants per board, whichever room (board or private) they write in. */
  'presence:boards': (presence: BoardPresence) => void
}

/** Events a client sends on the control plane: each a command with a payload and an ack. */
export type ClientToServerEvents = {
  [C in ControlCommand]: (
    payload: CommandPayload<C>,
    ack: (ack: Ack<CommandResult<C>>) => void,
  ) => void
} & {
  [R in ControlRelay]: (payload: RelayPayload<R>, ack: (ack: Ack) => void) => void
}
