import { phaseRules } from '@sparboard/protocol'
import type { CommandHandler } from './CommandHandler.js'

/** Moving to another phase starts its private writing (if any) unrevealed. */
export const setPhase: CommandHandler<'phase:set'> = (state, { phase }) =>
  phase === state.phase
    ? { state }
    : { state: { ...state, phase, agendaStarted: true, revealed: false, privateCounts: {} } }

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
  // After the reveal the notes are on the board; a late count would only confuse.
  if (!phaseRules[state.phase].privateWriting || state.revealed) return { state }
  const key = `${boardId}/${participantId}`
  if ((state.privateCounts[key] ?? 0) === count) return { state }
  return { state: { ...state, privateCounts: { ...state.privateCounts, [key]: count } } }
}
