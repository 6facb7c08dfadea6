import type { Ack, CommandPayload, CommandResult, ControlCommand } from './controlCommands.js'
import type { SessionView } from './controlSession.js'
import type { Role } from './Role.js'

/** What a client learns when its control connection opens (and again after a reconnect). */
export interface SessionHello {
  readonly workshopId: string
  readonly role: Role
  /** The server's clock, so timers can be shown in sync. */
  readonly serverTime: number
}

/** Events the server sends on the control plane (socket.io). Board content never travels here. */
export interface ServerToClientEvents {
  'session:hello': (hello: SessionHello) => void
  'workshop:presence': (presence: { readonly online: number }) => void
  /** The whole session after every change and on (re)connect, stamped with the server's clock. */
  'session:state': (state: SessionView, serverTime: number) => void
}

/** Events a client sends on the control plane: each a command with a payload and an ack. */
export type ClientToServerEvents = {
  [C in ControlCommand]: (
    payload: CommandPayload<C>,
    ack: (ack: Ack<CommandResult<C>>) => void,
  ) => void
}

/** The handshake's `auth` payload. */
export interface ControlAuth {
  readonly token: string
}
