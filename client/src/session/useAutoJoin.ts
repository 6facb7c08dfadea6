import { useEffect } from 'react'
import { Role, type SideChoice } from '@sparboard/protocol'
import { saveIdentity } from './participantIdentity.js'
import { useSession } from './useSession.js'

/**
 * Someone who opened a board link straight away (and so never saw the join dialog) is joined
 * with the name they gave the board, so they too get a private room when writing alone.
 */
export function useAutoJoin(
  workshopId: string,
  token: string,
  name: string,
  joined: boolean,
  enabled: boolean,
): void {
  const { connected, role, send } = useSession(token)
  useEffect(() => {
    if (!enabled || joined || !name || !connected || role !== Role.participant) return
    const stored = localStorage.getItem('sparboard.side')
    const side: SideChoice = stored === '0' ? 0 : stored === '1' ? 1 : 'other'
    void send('session:join', { name, side }).then(
      (ack) =>
        ack.ok &&
        saveIdentity(workshopId, {
          id: ack.participantId,
          // [C25] the roster's name, with a suffix when theirs was taken
          name: ack.name ?? name,
          side,
          privateKey: ack.privateKey,
          personalToken: ack.personalToken,
          link: token,
        }),
      () => {},
    )
  }, [enabled, joined, name, connected, role, send, workshopId, token])
}
