import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'

/** Frames of the y-websocket protocol, written by hand so tests can also write wrong ones. */
export const frames = {
  syncStep1: (stateVector: Uint8Array) => frame(0, 0, stateVector),
  syncStep2: (update: Uint8Array) => frame(0, 1, update),
  update: (update: Uint8Array) => frame(0, 2, update),
  awareness: (update: Uint8Array) => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint8Array(e, update)
    return encoding.toUint8Array(e)
  },
  queryAwareness: () => Uint8Array.of(3),
}

/** An awareness update for one client, as y-protocols encodes it (the clock decides which wins). */
export function awarenessUpdate(client: number, clock: number, state: unknown): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, clock)
  encoding.writeVarString(e, JSON.stringify(state))
  return encoding.toUint8Array(e)
}

function frame(type: number, syncType: number, body: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  encoding.writeVarUint(e, syncType)
  encoding.writeVarUint8Array(e, body)
  return encoding.toUint8Array(e)
}

/** A bare `ws` client on a board: sends whatever it is given, records what comes back. */
export function openRaw(wsUrl: string, boardId: string, token: string, maxPayload?: number) {
  const ws = new WebSocket(`${wsUrl}/yjs/${encodeURIComponent(boardId)}?token=${token}`, {
    maxPayload,
  })
  const received: Uint8Array[] = []
  ws.on('error', () => {})
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()))
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  return {
    ws,
    received,
    opened,
    closed,
    send: (data: Uint8Array) => ws.send(data),
  }
}
export type RawClient = ReturnType<typeof openRaw>
