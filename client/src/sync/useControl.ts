import { useEffect, useState } from 'react'
import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '@sparboard/protocol'

/** The session's control connection (socket.io): for now, how many people are online. */
export function useControl(token: string): { online: number } {
  const [online, setOnline] = useState(0)
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      auth: { token },
      transports: ['websocket'],
    })
    socket.on('workshop:presence', ({ online }) => setOnline(online))
    return () => {
      socket.disconnect()
    }
  }, [token])
  return { online }
}
