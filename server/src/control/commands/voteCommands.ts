import { blindVoting, phaseRules, type Ballot } from '@sparboard/protocol'
import type { Ballots } from '../SessionState.js'
import type { CommandHandler } from './CommandHandler.js'

/** [C33] One participant's dots on one board, from the round's ballots. */
export function ballotOf(ballots: Ballots, boardId: string, participantId: string): Ballot {
  const prefix = `${boardId}/${participantId}/`
  const mine: Record<string, number> = {}
  for (const [key, { count }] of Object.entries(ballots))
    if (key.startsWith(prefix)) mine[key.slice(prefix.length)] = count
  return mine
}

const used = (ballot: Ballot) => Object.values(ballot).reduce((sum, n) => sum + n, 0)

export const setBlind: CommandHandler<'votes:setBlind'> = (state, { blind }) =>
  state.voteRound.blind === blind
    ? { state }
    : { state: { ...state, voteRound: { ...state.voteRound, blind } } }

/** [C33] Closes the voting phase's round; the registry then puts the ballots on the boards. */
export const closeVotes: CommandHandler<'votes:close'> = (state) =>
  phaseRules[state.phase].voting && state.agendaStarted && !state.voteRound.closed
    ? { state: { ...state, voteRound: { ...state.voteRound, closed: true } } }
    : { error: 'conflict', field: 'phase' }

/**
 * [C33] A dot on a note, or one taken back, in the caster's ballot: only in a blind round, only
 * by a joined participant, within the budget, with their own side (either, if they chose
 * neither). The state learns how many dots they used on that board, never on which notes.
 */
export const castBallot: CommandHandler<'votes:cast'> = (state, payload, ctx) => {
  const { boardId, noteId, delta, side } = payload
  if (!blindVoting(state)) return { error: 'conflict', field: 'phase' }
  const me = state.participants.find((p) => p.id === ctx.participantId)
  if (!me) return { error: 'forbidden', field: 'participantId' }
  if (!ctx.workshop.boards.some((b) => b.id === boardId))
    return { error: 'not-found', field: 'boardId' }
  if (me.side !== 'other' && me.side !== side) return { error: 'forbidden', field: 'side' }
  // a locked board takes no votes, as it takes no writes ([H18])
  if (state.lockedBoards.includes(boardId)) return { error: 'conflict', field: 'boardId' }
  const mine = ballotOf(ctx.ballots, boardId, me.id)
  const current = mine[noteId] ?? 0
  if (delta === 1 && used(mine) >= state.voteBudget) return { error: 'conflict', field: 'budget' }
  if (delta === -1 && current === 0) return { error: 'conflict', field: 'noteId' }
  const key = `${boardId}/${me.id}/${noteId}`
  const ballots: Record<string, { side: 0 | 1; count: number }> = { ...ctx.ballots }
  if (current + delta === 0) delete ballots[key]
  else ballots[key] = { side: ctx.ballots[key]?.side ?? side, count: current + delta }
  const next = ballotOf(ballots, boardId, me.id)
  return {
    state: {
      ...state,
      ballotCounts: { ...state.ballotCounts, [`${boardId}/${me.id}`]: used(next) },
    },
    ballots,
    result: { mine: next },
  }
}

/** [C33] A participant's own ballot on a board, to show their dots again after a reload. */
export const myBallot: CommandHandler<'votes:mine'> = (state, { boardId }, ctx) => {
  if (!ctx.participantId) return { error: 'forbidden', field: 'participantId' }
  return { state, result: { mine: ballotOf(ctx.ballots, boardId, ctx.participantId) } }
}
