import { useSyncExternalStore } from 'react'
import { votingOpen } from '@sparboard/protocol'
import {
  sessionConnection,
  type SessionConnection,
  type SessionSnapshot,
} from './sessionConnection.js'

/** The live session of the workshop a token belongs to, and a way to send commands. */
export function useSession(
  token: string,
): SessionSnapshot & Pick<SessionConnection, 'send' | 'relay'> {
  const connection = sessionConnection(token)
  const snap = useSyncExternalStore(connection.subscribe, connection.snapshot)
  return { ...snap, send: connection.send, relay: connection.relay }
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

/** Whether votes may be cast or taken back now ([C14]): the vote buttons follow the phase. */
export function useVotingOpen(token: string): boolean {
  const { state } = useSession(token)
  return votingOpen(state)
}
