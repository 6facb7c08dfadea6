import { distinctName, nameKey, type Participant } from '@sparboard/protocol'
import { privateKeyOf } from '../../hub/privateRoomOwner.js'
import type { CommandHandler } from './CommandHandler.js'

/** A workshop of twenty; the cap keeps a scripted client from filling the session row. */
const MAX_PARTICIPANTS = 200

export const clockSync: CommandHandler<'clock:sync'> = (state, _payload, { now }) => ({
  state,
  result: { serverTime: now },
})

/**
 * Joins, or rejoins under the same id; a rejoin keeps the group unless it names another. Ids are
 * public (every state lists them), so a rejoin must prove it is that participant ([C9]). No two
 * people share a name ([C25]): a taken one gets a suffix, answered in the ack. A newcomer to a
 * follow-up that keeps its groups goes back to their group of last time ([C27]).
 */
export const join: CommandHandler<'session:join'> = (state, payload, ctx) => {
  const { name, side, participantId } = payload
  // In lobby mode the facilitator places people; a joiner's own pick is ignored.
  const groupId = state.grouping === 'lobby' ? undefined : payload.groupId
  if (groupId && !ctx.workshop.groups.some((g) => g.id === groupId))
    return { error: 'not-found', field: 'groupId' }
  if (participantId && state.removed.includes(participantId))
    return { error: 'forbidden', field: 'participantId' }
  const known = participantId ? state.participants.find((p) => p.id === participantId) : undefined
  if (known && ctx.proven !== known.id) return { error: 'forbidden', field: 'personalToken' }
  if (!known && state.participants.length >= MAX_PARTICIPANTS)
    return { error: 'conflict', field: 'participants' }
  const taken = new Set(
    state.participants.filter((p) => p.id !== known?.id).map((p) => nameKey(p.name)),
  )
  const carried = !known && state.keepGroups ? ctx.previousGroups.get(nameKey(name)) : undefined
  const me: Participant = {
    id: known?.id ?? ctx.newId(),
    name: distinctName(name, taken),
    side,
    groupId: known
      ? groupId === undefined
        ? known.groupId
        : groupId
      : (groupId ?? carried ?? null),
  }
  const participants = known
    ? state.participants.map((p) => (p.id === me.id ? me : p))
    : [...state.participants, me]
  return {
    state: { ...state, participants },
    result: {
      participantId: me.id,
      ...(me.name !== name && { name: me.name }),
      // [H27] the room names its owner; only their personal token opens it
      ...(!known && {
        privateKey: privateKeyOf(me.id, ctx.newSecret()),
        personalToken: ctx.newToken(),
      }),
    },
  }
}

export const assign: CommandHandler<'participant:assign'> = (state, payload, ctx) => {
  const { participantId, groupId } = payload
  if (!state.participants.some((p) => p.id === participantId))
    return { error: 'not-found', field: 'participantId' }
  if (groupId !== null && !ctx.workshop.groups.some((g) => g.id === groupId))
    return { error: 'not-found', field: 'groupId' }
  const participants = state.participants.map((p) =>
    p.id === participantId ? { ...p, groupId } : p,
  )
  return { state: { ...state, participants } }
}

export const setVoteBudget: CommandHandler<'votes:setBudget'> = (state, { budget }) => ({
  state: { ...state, voteBudget: budget },
})

export const broadcast: CommandHandler<'message:broadcast'> = (state, { text }, { now }) => ({
  state: { ...state, broadcast: { id: (state.broadcast?.id ?? 0) + 1, text, at: now } },
})

export const removeParticipant: CommandHandler<'participant:remove'> = (state, payload) => {
  const { participantId } = payload
  if (!state.participants.some((p) => p.id === participantId))
    return { error: 'not-found', field: 'participantId' }
  return {
    state: {
      ...state,
      participants: state.participants.filter((p) => p.id !== participantId),
      removed: [...state.removed, participantId].slice(-500),
    },
  }
}

export const setGrouping: CommandHandler<'session:setGrouping'> = (state, { grouping }) => ({
  state: { ...state, grouping },
})

/** [C27] Keep last session's groups for joiners, or regroup (joiners pick or wait again). */
export const keepGroups: CommandHandler<'session:keepGroups'> = (state, { keep }) =>
  keep && state.series.previousId === null
    ? { error: 'conflict', field: 'keep' }
    : { state: { ...state, keepGroups: keep } }
