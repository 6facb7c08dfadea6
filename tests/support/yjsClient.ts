import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** A stock y-websocket provider on a board, as any outside tool would open it. */
export function openBoard(wsUrl: string, boardId: string, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(`${wsUrl}/yjs`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return { doc, provider }
}

/** Resolves once the provider has synced with the server. */
export function synced(provider: WebsocketProvider): Promise<void> {
  return provider.synced
    ? Promise.resolve()
    : new Promise((resolve) => provider.once('sync', (isSynced: boolean) => isSynced && resolve()))
}

/** Resolves with the close code the server sends. */
export function closedWith(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) =>
    provider.once('connection-close', (event) => resolve(event?.code ?? -1)),
  )
}
