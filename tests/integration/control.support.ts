import { io, type Socket } from 'socket.io-client'
import type {
  Ack,
  ClientToServerEvents,
  CommandPayload,
  CommandResult,
  ControlCommand,
  ControlRelay,
  ServerToClientEvents,
  SessionView,
} from '@sparboard/protocol'
import { newerSession } from '@sparboard/protocol'

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** A socket.io client on the control plane that remembers the last session state it was sent. */
export function openControl(url: string, token: string) {
  const socket: ControlSocket = io(url, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  })
  const client = {
    socket,
    state: null as SessionView | null,
    /** The server's clock minus ours when the last state arrived. */
    stateServerTime: 0,
    stateReceivedAt: 0,
    states: 0,
    /** A command, or a message the server only passes on ([C32], [C34]). */
    send<C extends ControlCommand | ControlRelay>(
      command: C,
      payload: (C extends ControlCommand ? CommandPayload<C> : unknown) | unknown,
    ): Promise<Ack<C extends ControlCommand ? CommandResult<C> : object>> {
      // Untyped on purpose: tests also send what no honest client would.
      return (socket as unknown as Socket).timeout(5000).emitWithAck(command, payload)
    },
    close: () => void socket.disconnect(),
  }
  socket.on('session:state', (state, serverTime) => {
    client.states++
    // [S5] like the app: a state overtaken on its way is dropped
    if (!newerSession(client.state, state)) return
    client.state = state
    client.stateServerTime = serverTime
    client.stateReceivedAt = Date.now()
  })
  return client
}
export type ControlClient = ReturnType<typeof openControl>

/** Resolves once the socket is connected (or rejects with the server's refusal). */
export function connected(client: ControlClient): Promise<void> {
  if (client.socket.connected) return Promise.resolve()
  return new Promise((resolve, reject) => {
    client.socket.once('connect', () => resolve())
    client.socket.once('connect_error', reject)
  })
}

/** Joins as a participant and returns the key to their private rooms ([C12]). */
export async function joinAuthor(client: ControlClient, name: string, side: 0 | 1) {
  const joined = await client.send('session:join', { name, side })
  if (!joined.ok || !joined.privateKey || !joined.personalToken)
    throw new Error(`${name} could not join`)
  // [H27] a private room opens to its participant's own token only
  return {
    participantId: joined.participantId,
    privateKey: joined.privateKey,
    personalToken: joined.personalToken,
  }
}
