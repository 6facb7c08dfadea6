import { randomId } from '../workshops/newWorkshop.js'
import type { Logger } from 'pino'
import type { Server, Socket } from 'socket.io'
import {
  commandRoles,
  controlCommands,
  privateRoom,
  type Ack,
  type ClientToServerEvents,
  type ControlCommand,
  type ServerToClientEvents,
} from '@sparboard/protocol'
import type { Store, TokenGrant } from '../store/Store.js'
import type { CommandHandler } from './commands/CommandHandler.js'
import { commandHandlers } from './commands/commandHandlers.js'
import type { SessionRegistry } from './SessionRegistry.js'

interface Data {
  grant: TokenGrant
  /** Who this socket joined as ([C16]: removing them disconnects it). */
  participantId?: string
}
type ControlServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, Data>
type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, Data>

export const workshopRoom = (workshopId: string) => `workshop:${workshopId}`

/** What else must happen when the facilitator removes someone ([C16]: their board connections). */
export type OnRemoved = (workshopId: string, participantId: string) => Promise<void>

/**
 * Serves the session's commands on one socket: checks the role first (a refusal whatever the
 * payload), then the payload's schema, then runs the command and sends everyone the new state.
 */
export function attachSession(
  io: ControlServer,
  socket: ControlSocket,
  grant: TokenGrant,
  sessions: SessionRegistry,
  store: Store,
  log: Logger,
  onRemoved: OnRemoved = async () => {},
): void {
  const { workshopId, role } = grant
  const room = workshopRoom(workshopId)

  /** [C9] A rejoin's proof: the personal token of the participant it names, in this workshop. */
  const proofOf = async (payload: { participantId?: string; personalToken?: string }) => {
    if (!payload.participantId || !payload.personalToken) return null
    const proof = await store.findPersonalToken(payload.personalToken)
    return proof?.workshopId === workshopId && proof.participantId === payload.participantId
      ? { ...proof, token: payload.personalToken }
      : null
  }

  const handle = async (command: ControlCommand, payload: unknown): Promise<Ack> => {
    if (!commandRoles[command].includes(role)) return { ok: false, error: 'forbidden' }
    const parsed = controlCommands[command].safeParse(payload ?? {})
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.')
      return { ok: false, error: 'invalid', ...(field ? { field } : {}) }
    }
    const workshop = await store.getWorkshop(workshopId)
    if (!workshop) return { ok: false, error: 'not-found', field: 'workshop' }
    const handler = commandHandlers[command] as CommandHandler<ControlCommand>
    const proof = command === 'session:join' ? await proofOf(parsed.data as object) : null
    const outcome = await sessions.update(workshopId, (state) =>
      handler(state, parsed.data as never, {
        workshop,
        role,
        now: Date.now(),
        newId: () => randomId(9),
        newSecret: () => randomId(16),
        newToken: () => randomId(24),
        proven: proof?.participantId ?? null,
      }),
    )
    if ('error' in outcome) return { ok: false, error: outcome.error, field: outcome.field }
    if (command === 'session:join')
      socket.data.participantId = (outcome.result as { participantId: string }).participantId
    const joined = outcome.result as
      | { participantId: string; privateKey?: string; personalToken?: string }
      | undefined
    // [C20] stored before the ack hands it out, so the board opens with it at once
    if (joined?.personalToken)
      await store.addPersonalToken(workshopId, joined.participantId, joined.personalToken)
    // [C20] back through the new participant link: their own token works again
    if (proof?.suspended) await store.resumePersonalToken(proof.token)
    const key = joined?.privateKey
    // The rooms must exist before the author can open them; the ack is what tells them the key.
    if (key)
      await store.addRooms(
        workshopId,
        workshop.boards.map((b) => privateRoom(b.id, key)),
      )
    if (outcome.changed) io.to(room).emit('session:state', outcome.state, Date.now())
    // [C16] after the state that says so, a removed participant's control sockets are cut off
    if (command === 'participant:remove' && outcome.changed) {
      const { participantId } = parsed.data as { participantId: string }
      for (const other of await io.in(room).fetchSockets())
        if (other.data.participantId === participantId) other.disconnect(true)
      await onRemoved(workshopId, participantId)
    }
    return { ok: true, ...outcome.result }
  }

  for (const command of Object.keys(controlCommands) as ControlCommand[]) {
    socket.on(command, (first: unknown, second?: unknown) => {
      // A client may send no payload, or no ack callback; never throw on its account.
      const ack = typeof first === 'function' ? first : second
      const payload = typeof first === 'function' ? {} : first
      const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => {}
      handle(command, payload).then(reply, (err: unknown) => {
        log.error({ err, command }, 'control command failed')
        reply({ ok: false, error: 'internal' })
      })
    })
  }

  void sessions.get(workshopId).then(
    (state) => socket.emit('session:state', state, Date.now()),
    (err: unknown) => log.error({ err }, 'session could not be loaded'),
  )
}
