import { phaseRules } from '@sparboard/protocol'
import type { CommandHandler } from './CommandHandler.js'

/** Moving to another phase starts its private writing (if any) unrevealed. */
export const setPhase: CommandHandler<'phase:set'> = (state, { phase }) =>
  phase === state.phase ? { state } : { state: { ...state, phase, revealed: false } }

export const reveal: CommandHandler<'phase:reveal'> = (state) =>
  phaseRules[state.phase].privateWriting
    ? { state: { ...state, revealed: true } }
    : { error: 'conflict', field: 'phase' }
