import { useEffect } from 'react'
import type { SessionView } from '@sparboard/protocol'
import { boardPath, navigate } from '../route.js'

/** An "everyone to me" older than this is history, not a call to follow. */
const GATHERING_FRESH_MS = 2 * 60_000
const key = (workshopId: string) => `sparboard.followed.${workshopId}`

function firstTime(workshopId: string, call: string): boolean {
  const followed = JSON.parse(sessionStorage.getItem(key(workshopId)) ?? '[]') as string[]
  if (followed.includes(call)) return false
  sessionStorage.setItem(key(workshopId), JSON.stringify([...followed, call].slice(-50)))
  return true
}

/**
 * Takes a participant or observer to the board the facilitator calls everyone to, or puts in the
 * spotlight, once per call: after going back to the overview they are not pulled in again.
 */
export function useFollowFacilitator(options: {
  workshopId: string
  token: string
  state: SessionView | null
  offset: number
  enabled: boolean
  currentBoardId: string | undefined
}): void {
  const { workshopId, token, state, offset, enabled, currentBoardId } = options
  const gathering = state?.gathering ?? null
  const spotlight = state?.spotlight ?? null
  useEffect(() => {
    if (!enabled) return
    const go = (boardId: string) => {
      if (boardId !== currentBoardId) navigate(boardPath(workshopId, boardId, token))
    }
    if (gathering && Date.now() + offset - gathering.at < GATHERING_FRESH_MS) {
      if (firstTime(workshopId, `gather:${gathering.id}`)) return go(gathering.boardId)
    }
    if (spotlight && firstTime(workshopId, `spot:${spotlight}`)) go(spotlight)
  }, [enabled, gathering, spotlight, offset, workshopId, token, currentBoardId])
}
