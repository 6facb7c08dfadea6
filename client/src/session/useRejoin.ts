import { useEffect } from 'react'
import { Role } from '@sparboard/protocol'
import { useSession } from './useSession.js'
import { forgetIdentity, loadIdentity, saveIdentity } from './participantIdentity.js'

/**
 * After every (re)connect, a participant who joined before tells the server who they are again,
 * proving it with their personal token ([C9]); one the server cannot confirm joins anew.
 */
export function useRejoin(workshopId: string, token: string): void {
  const { connected, role, send } = useSession(token)
  useEffect(() => {
    if (!connected || role !== Role.participant) return
    const me = loadIdentity(workshopId)
    if (!me) return
    void send('session:join', {
      name: me.name,
      side: me.side,
      participantId: me.id,
      ...(me.personalToken ? { personalToken: me.personalToken } : {}),
    }).then(
      (ack) => {
        // Without a proof that holds (an identity from an older version), this browser is new here.
        if (!ack.ok) return ack.field === 'personalToken' && forgetIdentity(workshopId)
        // A server that lost us hands out a new id and token; keep those from now on.
        if (ack.participantId !== me.id)
          return saveIdentity(workshopId, {
            ...me,
            id: ack.participantId,
            privateKey: ack.privateKey,
            personalToken: ack.personalToken,
            link: token,
          })
        // Confirmed on a new participant link: the server let our own token work again.
        if (me.link !== token) saveIdentity(workshopId, { ...me, link: token })
      },
      () => {},
    )
  }, [connected, role, workshopId, send, token])
}
