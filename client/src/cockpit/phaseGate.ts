import { blindVoting, phaseRules, type SessionView } from '@sparboard/protocol'

/**
 * [C36] What leaving the current phase does that cannot be taken back, so the cockpit asks
 * first: the reveal of private notes ([C19]), or the close of a blind vote ([C33]).
 */
export function phaseGate(state: SessionView): 'reveal' | 'close' | null {
  if (state.agendaStarted && phaseRules[state.phase].privateWriting && !state.revealed)
    return 'reveal'
  if (blindVoting(state)) return 'close'
  return null
}
