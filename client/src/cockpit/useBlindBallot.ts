import { useCallback, useEffect, useState } from 'react'
import type { Ballot } from '@sparboard/protocol'
import { useSession } from '../session/useSession.js'

/**
 * [C33] A participant's own dots on this board during a blind round: kept by the server, read
 * once when the round is on, and as every cast answers. Nobody else's dots come here.
 */
export function useBlindBallot(
  token: string,
  boardId: string,
  on: boolean,
): { readonly mine: Ballot; readonly cast: (noteId: string, delta: 1 | -1, side: 0 | 1) => void } {
  const { send, connected } = useSession(token)
  const [mine, setMine] = useState<Ballot>({})
  useEffect(() => {
    if (!on || !connected) return
    let live = true
    void send('votes:mine', { boardId }).then(
      (ack) => live && ack.ok && setMine(ack.mine),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [on, connected, send, boardId])
  useEffect(() => {
    if (!on) setMine({})
  }, [on])
  const cast = useCallback(
    (noteId: string, delta: 1 | -1, side: 0 | 1) =>
      void send('votes:cast', { boardId, noteId, delta, side }).then(
        (ack) => ack.ok && setMine(ack.mine),
        () => undefined,
      ),
    [send, boardId],
  )
  return { mine, cast }
}
