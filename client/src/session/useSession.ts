import { useSyncExternalStore } from 'react'
import { phaseRules, votingOpen, type PhaseRules } from '@sparboard/protocol'
import {
  sessionConnection,
  type SessionConnection,
  type SessionSnapshot,
} from './sessionConnection.js'

/** The live session of the workshop a token belongs to, and a way to send commands. */
export function useSession(token: string): SessionSnapshot & { send: SessionConnection['send'] } {
  const connection = sessionConnection(token)
  const snap = useSyncExternalStore(connection.subscribe, connection.snapshot)
  return { ...snap, send: connection.send }
}

/** Whether the facilitator locked this board: the canvas then takes no edits. */
export function useBoardLocked(token: string, boardId: string): boolean {
  const { state } = useSession(token)
  return state?.lockedBoards.includes(boardId) ?? false
}

/** The votes each person may cast, as the facilitator set it (3 until the session loads). */
export function useVoteBudget(token: string): number {
  const { state } = useSession(token)
  return state?.voteBudget ?? 3
}

/** What the current phase switches on (voting, private writing, plenary), for the board's tools. */
export function usePhaseRules(token: string): PhaseRules | null {
  const { state } = useSession(token)
  return state ? phaseRules[state.phase] : null
}

/** Whether votes may be cast or taken back now ([C14]): the vote buttons follow the phase. */
export function useVotingOpen(token: string): boolean {
  const { state } = useSession(token)
  return votingOpen(state)
}
