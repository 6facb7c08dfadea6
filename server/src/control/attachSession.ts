import { randomId } from '../workshops/newWorkshop.js'
import type { Logger } from 'pino'
import { commandRoles, controlCommands, type Ack, type ControlCommand } from '@sparboard/protocol'
import type { Store, TokenGrant } from '../store/Store.js'
import {
  commandHooks,
  nothingPrepared,
  type CommandConnection,
  type CommandHooks,
  type ControlServer,
  type ControlSocket,
  type Done,
  type OnRemoved,
} from './commandHooks.js'
import { commandSchemas, type CommandHandler } from './commands/CommandHandler.js'
import { commandHandlers } from './commands/commandHandlers.js'
import type { SessionRegistry } from './SessionRegistry.js'

export type { OnRemoved } from './commandHooks.js'

export const workshopRoom = (workshopId: string) => `workshop:${workshopId}`

/** What a control socket's commands are served with. */
export interface SessionSocket {
  readonly io: ControlServer
  readonly socket: ControlSocket
  readonly grant: TokenGrant
  readonly sessions: SessionRegistry
  readonly store: Store
  readonly log: Logger
  /** [C16] What else a removal ends. */
  readonly onRemoved?: OnRemoved
  /** [C24] Takes a place for a new participant: 0, or the seconds to wait before joining. */
  readonly admitJoin?: () => number
  /** [C28] Someone joined: who is online changed. */
  readonly onJoined?: () => void
}

/**
 * Serves the session's commands on one socket: checks the role first (a refusal whatever the
 * payload), then the payload's schema, then runs the command (its hooks around the change, see
 * `commandHooks`) and sends everyone the new state.
 */
export function attachSession({
  io,
  socket,
  grant,
  sessions,
  store,
  log,
  onRemoved = async () => {},
  admitJoin = () => 0,
  onJoined = () => {},
}: SessionSocket): void {
  const { workshopId, role } = grant
  const room = workshopRoom(workshopId)
  const connection: CommandConnection = {
    io,
    socket,
    workshopId,
    room,
    store,
    sessions,
    onRemoved,
    admitJoin,
    onJoined,
  }

  const dispatch = async <C extends ControlCommand>(command: C, payload: unknown): Promise<Ack> => {
    if (!commandRoles[command].includes(role)) return { ok: false, error: 'forbidden' }
    const parsed = commandSchemas[command].safeParse(payload ?? {})
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.')
      return { ok: false, error: 'invalid', ...(field ? { field } : {}) }
    }
    const workshop = await store.getWorkshop(workshopId)
    if (!workshop) return { ok: false, error: 'not-found', field: 'workshop' }
    const hooks: CommandHooks<C> | undefined = commandHooks[command]
    const prepared = hooks?.prepare
      ? await hooks.prepare(parsed.data, workshop, connection)
      : nothingPrepared
    if ('error' in prepared) return { ok: false, ...prepared }
    const handler: CommandHandler<C> = commandHandlers[command]
    const outcome = await sessions.update(workshopId, (state, ballots, fallbacks) =>
      handler(state, parsed.data, {
        workshop,
        role,
        now: Date.now(),
        newId: () => randomId(9),
        newSecret: () => randomId(16),
        newToken: () => randomId(24),
        proven: prepared.proof?.participantId ?? null,
        participantId: socket.data.participantId ?? grant.participantId ?? null,
        ballots,
        fallbacks,
        previousGroups: prepared.previousGroups,
      }),
    )
    if ('error' in outcome) return { ok: false, error: outcome.error, field: outcome.field }
    const done: Done<C> = {
      payload: parsed.data,
      result: outcome.result,
      changed: outcome.changed,
      prepared,
      workshop,
    }
    await hooks?.stored?.(done, connection)
    if (outcome.changed) io.to(room).emit('session:state', outcome.state, Date.now())
    await hooks?.told?.(done, connection)
    // [C19] the state changed, but notes still wait in private rooms (e.g. a full board, [H14])
    if (outcome.revealUnfinished) return { ok: false, error: 'conflict', field: 'reveal' }
    return { ok: true, ...outcome.result }
  }

  for (const command of Object.keys(controlCommands) as ControlCommand[]) {
    socket.on(command, (first: unknown, second?: unknown) => {
      // A client may send no payload, or no ack callback; never throw on its account.
      const ack = typeof first === 'function' ? first : second
      const payload = typeof first === 'function' ? {} : first
      const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => {}
      dispatch(command, payload).then(reply, (err: unknown) => {
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
