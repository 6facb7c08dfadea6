import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'closed'

export interface BoardConnection {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
}

/** The board's Y.Doc, synced with the server over the y-websocket protocol. */
export function useBoardDoc(boardId: string, token: string) {
  const [connection, setConnection] = useState<BoardConnection | null>(null)
  const [status, setStatus] = useState<ConnectionStatus>('connecting')
  const [synced, setSynced] = useState(false)

  useEffect(() => {
    const doc = new Y.Doc()
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`
    const provider = new WebsocketProvider(url, boardId, doc, { params: { token } })
    provider.on('status', ({ status }) => setStatus(status))
    provider.on('sync', (isSynced: boolean) => setSynced(isSynced))
    // 44xx: the server refused this link; retrying cannot help (the provider stops by itself).
    provider.on('closed', () => setStatus('closed'))
    setConnection({ doc, provider })
    return () => {
      provider.destroy()
      doc.destroy()
      setConnection(null)
      setSynced(false)
    }
  }, [boardId, token])

  return { connection, status, synced }
}
