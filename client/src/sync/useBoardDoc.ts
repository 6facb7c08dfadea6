import { useEffect, useState } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { migrateBoard } from '@sparboard/board-model'
import { CloseCode } from '@sparboard/protocol'

const GONE = new Set<number>([CloseCode.unknownToken, CloseCode.forbidden, CloseCode.unknownBoard])

export type ConnectionStatus =
  | 'connecting'
  | 'connected'
  | 'disconnected'
  | 'offline'
  | 'closed'
  | 'damaged'

export interface BoardConnection {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
}

/**
 * The board's Y.Doc, synced with the server over the y-websocket protocol and kept in
 * IndexedDB, so edits made offline survive a reload and merge when the connection returns.
 * No token yet (a participant's own is on its way): no document either.
 */
export function useBoardDoc(boardId: string, token: string | null) {
  const [connection, setConnection] = useState<BoardConnection | null>(null)
  const [status, setStatus] = useState<ConnectionStatus>('connecting')
  const [synced, setSynced] = useState(false)

  useEffect(() => {
    if (token === null) return
    const doc = new Y.Doc()
    const local = new IndexeddbPersistence(`sparboard-board-${boardId}`, doc)
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`
    const provider = new WebsocketProvider(url, boardId, doc, { params: { token } })
    let refused = false
    const show = (s: ConnectionStatus) => {
      if (refused) return
      setStatus(!navigator.onLine && s !== 'connected' ? 'offline' : s)
    }
    provider.on('status', ({ status }) => show(status))
    provider.on('sync', (isSynced: boolean) => {
      setSynced(isSynced)
      // Migrate only once the server's state is in, so a stale local copy does not race it.
      if (isSynced) migrateBoard(doc)
    })
    // 44xx: the server refused this link; retrying cannot help (the provider stops by itself).
    provider.on('closed', ({ code }: { code: number }) => {
      refused = true
      // [H22] not a refused link: the board's stored data is damaged until it is restored
      setStatus(code === CloseCode.boardDamaged ? 'damaged' : 'closed')
      // The link no longer opens this board (workshop deleted, token revoked): its notes must
      // not linger in this browser either.
      if (GONE.has(code)) void local.clearData()
    })
    // The socket can take many seconds to notice a dead network; the browser knows at once.
    const onOffline = () => {
      provider.disconnect()
      show('offline')
    }
    const onOnline = () => {
      if (!refused) provider.connect()
    }
    addEventListener('offline', onOffline)
    addEventListener('online', onOnline)
    setConnection({ doc, provider })
    return () => {
      removeEventListener('offline', onOffline)
      removeEventListener('online', onOnline)
      provider.destroy()
      void local.destroy()
      doc.destroy()
      setConnection(null)
      setSynced(false)
    }
  }, [boardId, token])

  return { connection, status, synced }
}
