import { useEffect } from 'react'
import { useSession } from './useSession.js'
import { loadIdentity, saveIdentity } from './participantIdentity.js'

/** After every (re)connect, a participant who joined before tells the server who they are again. */
export function useRejoin(workshopId: string, token: string): void {
  const { connected, role, send } = useSession(token)
  useEffect(() => {
    if (!connected || role !== 'participant') return
    const me = loadIdentity(workshopId)
    if (!me) return
    void send('session:join', { name: me.name, side: me.side, participantId: me.id }).then(
      // A server that lost us hands out a new id; keep that one from now on.
      (ack) =>
        ack.ok &&
        ack.participantId !== me.id &&
        saveIdentity(workshopId, { ...me, id: ack.participantId, privateKey: ack.privateKey }),
      () => {},
    )
  }, [connected, role, workshopId, send])
}
