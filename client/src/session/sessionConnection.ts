import { io, type Socket } from 'socket.io-client'
import {
  clockOffset,
  newerSession,
  type Ack,
  type BoardPresence,
  type ClientToServerEvents,
  type ControlRelay,
  type RelayPayload,
  type SharedView,
  type CommandPayload,
  type CommandResult,
  type ControlCommand,
  type Role,
  type ServerToClientEvents,
  type SessionView,
} from '@sparboard/protocol'

/** What the screens know of the session: its state, our role, and the server's clock. */
export interface SessionSnapshot {
  readonly connected: boolean
  readonly role: Role | null
  readonly state: SessionView | null
  /** The server's clock minus ours; add it to Date.now() to get the server's time. */
  readonly offset: number
  readonly online: number
  /** [C28] The participants with the workshop open now (ids). */
  readonly here: readonly string[]
  /** [C29] Whether a facilitator's page is open. */
  readonly facilitatorHere: boolean
  /** The server ended the connection (removed from the roster, or the link was replaced). */
  readonly cutOff: boolean
  /** [C32] The facilitator's last shared view, if one came since this page connected. */
  readonly sharedView: SharedView | null
  /** [C34] Participant ids per board. */
  readonly presence: BoardPresence['boards']
}

export interface SessionConnection {
  subscribe(listener: () => void): () => void
  snapshot(): SessionSnapshot
  send<C extends ControlCommand>(
    command: C,
    payload: CommandPayload<C>,
  ): Promise<Ack<CommandResult<C>>>
  /** [C32] [C34] A message the server passes on without changing the session. */
  relay<R extends ControlRelay>(relay: R, payload: RelayPayload<R>): Promise<Ack>
}

const connections = new Map<string, SessionConnection>()
/** A page change unmounts and remounts the session bar; keep the socket across that gap. */
const LINGER_MS = 3000

/** One control connection per token, shared by every component of the page. */
export function sessionConnection(token: string): SessionConnection {
  let connection = connections.get(token)
  if (!connection) {
    connection = open(token, () => connections.delete(token))
    connections.set(token, connection)
  }
  return connection
}

function open(token: string, forget: () => void): SessionConnection {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    auth: { token },
    transports: ['websocket'],
  })
  const listeners = new Set<() => void>()
  let snap: SessionSnapshot = {
    connected: false,
    role: null,
    state: null,
    offset: 0,
    online: 0,
    here: [],
    facilitatorHere: false,
    cutOff: false,
    sharedView: null,
    presence: {},
  }
  let bestRtt = Infinity
  let closing: ReturnType<typeof setTimeout> | undefined
  const set = (change: Partial<SessionSnapshot>) => {
    snap = { ...snap, ...change }
    for (const l of listeners) l()
  }

  const send = <C extends ControlCommand>(command: C, payload: CommandPayload<C>) =>
    (socket as unknown as Socket).timeout(10_000).emitWithAck(command, payload) as Promise<
      Ack<CommandResult<C>>
    >

  // A few round trips; the fastest one bounds the error of the offset best.
  const syncClock = async () => {
    bestRtt = Infinity
    for (let i = 0; i < 4 && socket.connected; i++) {
      const sentAt = Date.now()
      const ack = await send('clock:sync', {}).catch(() => null)
      const receivedAt = Date.now()
      if (ack?.ok && receivedAt - sentAt < bestRtt) {
        bestRtt = receivedAt - sentAt
        set({ offset: clockOffset(sentAt, ack.serverTime, receivedAt) })
      }
    }
  }

  socket.on('connect', () => {
    set({ connected: true })
    void syncClock()
  })
  // socket.io does not reconnect after the server's own disconnect ([C15], [C16])
  socket.on('disconnect', (reason) =>
    set({ connected: false, cutOff: reason === 'io server disconnect' }),
  )
  // [H23] refused because this link has too many connections open: the server says when to retry
  let retry: ReturnType<typeof setTimeout> | undefined
  socket.on('connect_error', (err) => {
    const retryAfter = (err as { data?: { retryAfter?: unknown } }).data?.retryAfter
    if (err.message !== 'too many connections' || typeof retryAfter !== 'number') return
    retry = setTimeout(() => socket.connect(), retryAfter * 1000)
  })
  socket.on('session:hello', ({ role, serverTime }) => {
    set({ role, ...(bestRtt === Infinity ? { offset: serverTime - Date.now() } : {}) })
  })
  // [S5] a state overtaken on its way (another node's broadcast came first) is not shown
  socket.on('session:state', (state) => {
    if (newerSession(snap.state, state)) set({ state })
  })
  socket.on('workshop:presence', ({ online, participants, facilitator }) =>
    set({ online, here: participants, facilitatorHere: facilitator }),
  )
  socket.on('session:view', (sharedView) => set({ sharedView }))
  socket.on('presence:boards', ({ boards }) => set({ presence: boards }))

  return {
    subscribe(listener) {
      clearTimeout(closing)
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0)
          closing = setTimeout(() => {
            forget()
            clearTimeout(retry)
            socket.disconnect()
          }, LINGER_MS)
      }
    },
    snapshot: () => snap,
    send,
    relay: (relay, payload) =>
      (socket as unknown as Socket).timeout(10_000).emitWithAck(relay, payload) as Promise<Ack>,
  }
}
