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
}

/** Events a client sends on the control plane. */
export type ClientToServerEvents = Record<string, never>

/** The handshake's `auth` payload. */
export interface ControlAuth {
  readonly token: string
}
