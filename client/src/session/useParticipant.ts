import { useState } from 'react'
import { asParticipantId, type ParticipantId, type Side } from '@sparboard/board-model'
import { Role } from '@sparboard/protocol'
import { useIdentity } from './participantIdentity.js'

const SIDE_KEY = 'sparboard.side'
/** Every facilitator page of a workshop votes as one voter (the server leaves their votes be). */
const FACILITATOR = asParticipantId(Role.facilitator)

/**
 * Who this page votes as: the participant id the server issued at join ([C20]), the facilitator,
 * or null for an observer and a participant not joined yet (they cast no votes). The side is the
 * one chosen at join; one who chose neither keeps the side they last picked on a board.
 */
export function useParticipant(
  workshopId: string,
  role: Role | null,
): {
  id: ParticipantId | null
  side: Side
  setSide: (side: Side) => void
} {
  const identity = useIdentity(workshopId)
  const [localSide, setSideState] = useState<Side>(() =>
    localStorage.getItem(SIDE_KEY) === '1' ? 1 : 0,
  )
  const me = role === Role.participant ? identity : null
  return {
    id: role === Role.facilitator ? FACILITATOR : me ? asParticipantId(me.id) : null,
    side: me && me.side !== 'other' ? me.side : localSide,
    setSide: (next) => {
      localStorage.setItem(SIDE_KEY, String(next))
      setSideState(next)
    },
  }
}
