import type { Server, Socket } from 'socket.io'
import {
  privateRoom,
  type AckError,
  type ClientToServerEvents,
  type CommandResult,
  type ControlCommand,
  type ServerToClientEvents,
} from '@sparboard/protocol'
import type { PersonalGrant, Store, TokenGrant, WorkshopRecord } from '../store/Store.js'
import type { CommandPayloads } from './commands/CommandHandler.js'
import { previousGroups } from './previousGroups.js'
import type { SessionRegistry } from './SessionRegistry.js'

export interface ControlData {
  grant: TokenGrant
  /** Who this socket joined as ([C16]: removing them disconnects it). */
  participantId?: string
}
export type ControlServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  ControlData
>
export type ControlSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  ControlData
>

/** What else must happen when the facilitator removes someone ([C16]: their board connections). */
export type OnRemoved = (workshopId: string, participantId: string) => Promise<void>

/** The connection a command came on, as its hooks see it. */
export interface CommandConnection {
  readonly io: ControlServer
  readonly socket: ControlSocket
  readonly workshopId: string
  /** The socket.io room of the workshop's control connections. */
  readonly room: string
  readonly store: Store
  readonly sessions: SessionRegistry
  /** [C16] Ends a removed participant's personal tokens and board connections. */
  readonly onRemoved: OnRemoved
  /** [C24] Takes a place for a new participant: 0, or the seconds to wait before joining. */
  readonly admitJoin: () => number
  /** [C28] Someone joined: who is online changed. */
  readonly onJoined: () => void
}

/** [C9] A rejoin's proof: the personal token it brought, of the participant it names. */
export type Proof = PersonalGrant & { readonly token: string }

/** What a command learned before its change, for the handler and the hooks after it. */
export interface Prepared {
  readonly proof: Proof | null
  /** [C27] See `CommandContext.previousGroups`. */
  readonly previousGroups: ReadonlyMap<string, string>
}

export const nothingPrepared: Prepared = { proof: null, previousGroups: new Map() }

/** Why a command was refused before its change. */
export interface Refusal {
  readonly error: AckError
  readonly field?: string
  readonly retryAfter?: number
}

/** A command whose change went through (changed or not). */
export interface Done<C extends ControlCommand> {
  readonly payload: CommandPayloads[C]
  readonly result: CommandResult<C> | undefined
  readonly changed: boolean
  readonly prepared: Prepared
  readonly workshop: WorkshopRecord
}

/**
 * What a command does besides changing the session, at three points of its run (as Hocuspocus'
 * hooks: each gets what it needs as its payload; `prepare` may refuse, which stops the command).
 */
export interface CommandHooks<C extends ControlCommand> {
  /** Before the change, after role and schema: reads what the handler needs, or refuses. */
  readonly prepare?: (
    payload: CommandPayloads[C],
    workshop: WorkshopRecord,
    connection: CommandConnection,
  ) => Promise<Prepared | Refusal>
  /** Once the change is stored, before anyone is told of it. */
  readonly stored?: (done: Done<C>, connection: CommandConnection) => Promise<void>
  /** Once everyone was told of the change. */
  readonly told?: (done: Done<C>, connection: CommandConnection) => Promise<void>
}

/** [C9] A rejoin's proof: the personal token of the participant it names, in this workshop. */
async function proofOf(
  payload: CommandPayloads['session:join'],
  { store, workshopId }: CommandConnection,
): Promise<Proof | null> {
  if (!payload.participantId || !payload.personalToken) return null
  const proof = await store.findPersonalToken(payload.personalToken)
  return proof?.workshopId === workshopId && proof.participantId === payload.participantId
    ? { ...proof, token: payload.personalToken }
    : null
}

/** The commands that do more than change the session; every other command has none. */
export const commandHooks: { readonly [C in ControlCommand]?: CommandHooks<C> } = {
  'session:join': {
    async prepare(payload, workshop, connection) {
      const proof = await proofOf(payload, connection)
      // [C24] a rejoin with its proof takes no new place
      if (!proof) {
        const retryAfter = connection.admitJoin()
        if (retryAfter > 0) return { error: 'rate-limited', retryAfter }
      }
      const { store, sessions, workshopId } = connection
      const carried = await previousGroups(store, workshop, await sessions.get(workshopId))
      return { proof, previousGroups: carried }
    },
    async stored({ result, prepared, workshop }, { socket, store, workshopId }) {
      if (!result) return
      socket.data.participantId = result.participantId
      // [C20] stored before the ack hands it out, so the board opens with it at once
      if (result.personalToken)
        await store.addPersonalToken(workshopId, result.participantId, result.personalToken)
      // [C20] back through the new participant link: their own token works again
      if (prepared.proof?.suspended) await store.resumePersonalToken(prepared.proof.token)
      const key = result.privateKey
      // The rooms must exist before the author can open them; the ack is what tells them the key.
      if (key)
        await store.addRooms(
          workshopId,
          workshop.boards.map((b) => privateRoom(b.id, key)),
        )
    },
    // [C28] who is online changed
    told: async (_done, { onJoined }) => onJoined(),
  },
  'participant:remove': {
    // [C16] after the state that says so, a removed participant's control sockets are cut off
    async told({ payload, changed }, { io, room, workshopId, onRemoved }) {
      if (!changed) return
      const { participantId } = payload
      // this node's sockets here; in scale-out every node closes its own when told ([S10])
      for (const other of await io.local.in(room).fetchSockets())
        if (other.data.participantId === participantId) other.disconnect(true)
      await onRemoved(workshopId, participantId)
    },
  },
}
