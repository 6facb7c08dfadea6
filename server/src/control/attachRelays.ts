import type { Logger } from 'pino'
import type { z } from 'zod'
import type { Server, Socket } from 'socket.io'
import {
  controlRelays,
  relayRoles,
  type Ack,
  type BoardPresence,
  type ClientToServerEvents,
  type ControlRelay,
  type ServerToClientEvents,
} from '@sparboard/protocol'
import type { Store, TokenGrant } from '../store/Store.js'

interface Data {
  grant: TokenGrant
  participantId?: string
  /** [C34] The board this socket's page shows. */
  boardId?: string | null
}
type RelayServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, Data>
type RelaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, Data>

/** [C34] Announcements of who is on which board are gathered this long, per workshop and node. */
export const PRESENCE_EVERY_MS = 250

/**
 * [C34] Participants per board, over every node's sockets of the workshop (`fetchSockets` goes
 * through the adapter in scale-out mode): ids only, never content.
 */
export async function boardPresence(io: RelayServer, room: string): Promise<BoardPresence> {
  const boards: Record<string, string[]> = {}
  for (const s of await io.in(room).fetchSockets()) {
    const { boardId, participantId } = s.data
    if (!boardId || !participantId) continue
    const here = (boards[boardId] ??= [])
    if (!here.includes(participantId)) here.push(participantId)
  }
  for (const ids of Object.values(boards)) ids.sort()
  return { boards }
}

/** Each relay's payload as its schema leaves it. */
type RelayPayloads = { [R in ControlRelay]: z.output<(typeof controlRelays)[R]> }

/** The payload schemas, typed per relay (see `commandSchemas`). */
const relaySchemas: { readonly [R in ControlRelay]: z.ZodType<RelayPayloads[R]> } = controlRelays

/** The socket a relay message came on. */
interface RelayConnection {
  readonly socket: RelaySocket
  readonly room: string
  readonly announce: () => void
}

/** What each relay does once its role, payload and board are checked. */
const relayHandlers: {
  readonly [R in ControlRelay]: (payload: RelayPayloads[R], connection: RelayConnection) => void
} = {
  // [C32] to everyone else of the workshop, on every node; nothing is kept
  'view:share': (view, { socket, room }) => void socket.to(room).emit('session:view', view),
  // [C34] the board this page shows; who is where is announced when it changed
  'presence:board': ({ boardId }, { socket, announce }) => {
    if (socket.data.boardId === boardId) return
    socket.data.boardId = boardId
    announce()
  },
}

/**
 * Messages the server passes on without storing them ([C32] the facilitator's view, [C34] who is
 * on which board); checked like commands: role, then payload, then that the board is the
 * workshop's.
 */
export function attachRelays(
  io: RelayServer,
  socket: RelaySocket,
  grant: TokenGrant,
  store: Pick<Store, 'getWorkshop'>,
  log: Logger,
  announce: () => void,
): void {
  const connection: RelayConnection = { socket, room: `workshop:${grant.workshopId}`, announce }
  const dispatch = async <R extends ControlRelay>(relay: R, payload: unknown): Promise<Ack> => {
    if (!relayRoles[relay].includes(grant.role)) return { ok: false, error: 'forbidden' }
    const parsed = relaySchemas[relay].safeParse(payload ?? {})
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.')
      return { ok: false, error: 'invalid', ...(field ? { field } : {}) }
    }
    const { boardId } = parsed.data
    if (boardId !== null) {
      const workshop = await store.getWorkshop(grant.workshopId)
      if (!workshop?.boards.some((b) => b.id === boardId))
        return { ok: false, error: 'not-found', field: 'boardId' }
    }
    const handler: (typeof relayHandlers)[R] = relayHandlers[relay]
    handler(parsed.data, connection)
    return { ok: true }
  }
  for (const relay of Object.keys(controlRelays) as ControlRelay[]) {
    socket.on(relay, (first: unknown, second?: unknown) => {
      const ack = typeof first === 'function' ? first : second
      const payload = typeof first === 'function' ? {} : first
      const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => {}
      dispatch(relay, payload).then(reply, (err: unknown) => {
        log.error({ err, relay }, 'control relay failed')
        reply({ ok: false, error: 'internal' })
      })
    })
  }
  socket.on('disconnect', () => {
    if (socket.data.boardId) announce()
  })
}

/**
 * [C34] One announcement per workshop at most every PRESENCE_EVERY_MS on this node: a class
 * opening its boards at once causes a few messages, not one per person per person.
 */
export class PresenceAnnouncer {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>()

  constructor(
    private readonly io: RelayServer,
    private readonly log: Logger,
  ) {}

  announce(workshopId: string): void {
    if (this.pending.has(workshopId)) return
    const timer = setTimeout(() => {
      this.pending.delete(workshopId)
      const room = `workshop:${workshopId}`
      boardPresence(this.io, room).then(
        (presence) => this.io.to(room).emit('presence:boards', presence),
        (err: unknown) => this.log.debug({ err }, 'board presence failed'),
      )
    }, PRESENCE_EVERY_MS)
    timer.unref()
    this.pending.set(workshopId, timer)
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer)
    this.pending.clear()
  }
}
