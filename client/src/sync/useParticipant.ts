import { useState } from 'react'
import { asParticipantId, type ParticipantId, type Side } from '@sparboard/board-model'

const ID_KEY = 'sparboard.participant'
const SIDE_KEY = 'sparboard.side'

/**
 * Who this browser votes as, and for which side. The control plane may later hand out ids;
 * until then a random id is kept per browser.
 */
export function useParticipant(): {
  id: ParticipantId
  side: Side
  setSide: (side: Side) => void
} {
  const [id] = useState(() => {
    let stored = localStorage.getItem(ID_KEY)
    if (!stored) {
      stored = crypto.randomUUID()
      localStorage.setItem(ID_KEY, stored)
    }
    return asParticipantId(stored)
  })
  const [side, setSideState] = useState<Side>(() =>
    localStorage.getItem(SIDE_KEY) === '1' ? 1 : 0,
  )
  return {
    id,
    side,
    setSide: (next) => {
      localStorage.setItem(SIDE_KEY, String(next))
      setSideState(next)
    },
  }
}
