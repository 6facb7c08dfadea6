import { io, type Socket } from 'socket.io-client'
import WebSocket from 'ws'

/** What a raw `/yjs/` upgrade came to: closed with a code, or refused with an HTTP status. */
export type UpgradeOutcome =
  | { readonly closed: number }
  | { readonly status: number; readonly retryAfter?: string }

/** Opens `/yjs/<boardId>?token=` as a bare WebSocket (optionally as another address). */
export function rawBoardSocket(
  wsUrl: string,
  boardId: string,
  token: string,
  forwardedFor?: string,
  headers: Record<string, string> = {},
): { ws: WebSocket; outcome: Promise<UpgradeOutcome>; joined: Promise<UpgradeOutcome | 'joined'> } {
  const ws = new WebSocket(`${wsUrl}/yjs/${boardId}?token=${encodeURIComponent(token)}`, {
    headers: { ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}), ...headers },
  })
  const outcome = new Promise<UpgradeOutcome>((resolve) => {
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] })
      ws.terminate()
    })
    ws.on('close', (code) => resolve({ closed: code }))
    ws.on('error', () => {})
  })
  // The server's first frame (its sync step 1) comes only once the connection is in its room.
  const first = new Promise<'joined'>((resolve) => ws.once('message', () => resolve('joined')))
  return { ws, outcome, joined: Promise.race([first, outcome]) }
}

/** A control-plane client as the app opens it, without automatic reconnects. */
export function controlSocket(
  url: string,
  token: string,
  forwardedFor?: string,
  options: { headers?: Record<string, string>; transports?: ('websocket' | 'polling')[] } = {},
): Socket {
  return io(url, {
    auth: { token },
    transports: options.transports ?? ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: {
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      ...options.headers,
    },
  })
}

/** Resolves with the connect_error message, or 'connected'. */
export function controlOutcome(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'))
    socket.once('connect_error', (err) => resolve(err.message))
  })
}
