import { WebSocket } from 'ws'

/**
 * An update framed once for the wire, shared by every receiver: a final, unmasked binary frame
 * (RFC 6455 §5.2, server to client). `ws` would build a header per receiver and write header and
 * payload as two buffers (a `writev` per receiver); one buffer is one plain write.
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const n = payload.byteLength
  const headerBytes = n < 126 ? 2 : n < 65_536 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerBytes + n)
  frame[0] = 0x82 // FIN + opcode 2 (binary)
  if (n < 126) frame[1] = n
  else if (n < 65_536) {
    frame[1] = 126
    frame.writeUInt16BE(n, 2)
  } else {
    frame[1] = 127
    frame.writeUInt32BE(Math.floor(n / 2 ** 32), 2)
    frame.writeUInt32BE(n >>> 0, 6)
  }
  frame.set(payload, headerBytes)
  return frame
}

/** The parts of a `ws` WebSocket (8.18, pinned) that writing a ready frame relies on. */
interface WsInternals {
  _socket?: { write(chunk: Buffer): boolean }
  _sender?: { _state: number; _queue: unknown[] }
  _extensions?: Record<string, unknown>
}

/**
 * Writes a frame from `binaryFrame` straight to a `ws` socket's stream, behind whatever `ws` wrote
 * before (same stream, same order); `bufferedAmount` counts it as `ws` counts its own. False
 * where `ws` must send it itself: not a `ws` socket, not open, compression negotiated, or its
 * sender holding a queue.
 */
export function writeFramed(socket: unknown, frame: Buffer): boolean {
  if (!(socket instanceof WebSocket) || socket.readyState !== WebSocket.OPEN) return false
  const ws = socket as unknown as WsInternals
  const sender = ws._sender
  if (!ws._socket || !sender || sender._state !== 0 || sender._queue.length > 0) return false
  if (ws._extensions && Object.keys(ws._extensions).length > 0) return false
  ws._socket.write(frame)
  return true
}
