import { methodOf, Phase, phaseRules } from '@sparboard/protocol'
import type { CommandHandler } from './CommandHandler.js'
import { idleTimer } from '../Timer.js'

/**
 * Moving to another phase starts its private writing (if any) unrevealed, [C30] clears the timer
 * (each phase has its own) and [C33] opens a new voting round.
 */
export const setPhase: CommandHandler<'phase:set'> = (state, { phase }, ctx) =>
  phase === state.phase
    ? { state }
    : // [SW1] the perspective swap is on the agenda only where the facilitator switched it on
      phase === Phase.perspective && !methodOf(ctx.workshop.method).perspectiveSwap
      ? { error: 'conflict', field: 'phase' }
      : {
          state: {
            ...state,
            phase,
            agendaStarted: true,
            revealed: false,
            privateCounts: {},
            timer: idleTimer,
            voteRound: { ...state.voteRound, closed: false },
            ballotCounts: {},
          },
        }

export const reveal: CommandHandler<'phase:reveal'> = (state) =>
  phaseRules[state.phase].privateWriting
    ? { state: { ...state, revealed: true, privateCounts: {} } }
    : { error: 'conflict', field: 'phase' }

export const privateCount: CommandHandler<'private:count'> = (state, payload, ctx) => {
  const { participantId, boardId, count } = payload
  if (!ctx.workshop.boards.some((b) => b.id === boardId))
    return { error: 'not-found', field: 'boardId' }
  if (!state.participants.some((p) => p.id === participantId))
    return { error: 'not-found', field: 'participantId' }
  // [C13] a count is its author's alone to set
  if (participantId !== ctx.participantId) return { error: 'forbidden', field: 'participantId' }
  // After the reveal the notes are on the board; a late count would only confuse.
  if (!phaseRules[state.phase].privateWriting || state.revealed) return { state }
  const key = `${boardId}/${participantId}`
  if ((state.privateCounts[key] ?? 0) === count) return { state }
  return { state: { ...state, privateCounts: { ...state.privateCounts, [key]: count } } }
}
