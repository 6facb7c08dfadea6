import { useEffect } from 'react'
import { useSession } from '../session/useSession.js'

/**
 * [C34] Tells the server which board this page shows, so the facilitator's overview counts this
 * participant on it, also while they write in their private room. Sent again after a reconnect
 * and once the participant has joined.
 */
export function usePresenceBoard(token: string, boardId: string, joinedAs: string | null): void {
  const { relay, connected } = useSession(token)
  useEffect(() => {
    if (!connected) return
    void relay('presence:board', { boardId }).catch(() => undefined)
    return () => void relay('presence:board', { boardId: null }).catch(() => undefined)
  }, [relay, connected, boardId, joinedAs])
}
