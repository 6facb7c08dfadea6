import { randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'

/** A WebSocket frame built by hand, so a test can send what no client library would. */
export function wsFrame(
  opcode: number,
  payload: Uint8Array,
  { fin = true, rsv = 0, mask = true, claimedLength }: FrameOptions = {},
): Buffer {
  const length = claimedLength ?? payload.length
  const head: number[] = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)]
  const maskBit = mask ? 0x80 : 0
  if (length < 126) head.push(maskBit | length)
  else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 0xff)
  else {
    head.push(maskBit | 127)
    const big = Buffer.alloc(8)
    big.writeBigUInt64BE(BigInt(length))
    head.push(...big)
  }
  const key = mask ? randomBytes(4) : Buffer.alloc(0)
  const body = Buffer.from(payload)
  if (mask) for (let i = 0; i < body.length; i++) body[i]! ^= key[i % 4]!
  return Buffer.concat([Buffer.from(head), key, body])
}

export interface FrameOptions {
  readonly fin?: boolean
  readonly rsv?: number
  readonly mask?: boolean
  /** A length header that lies about the payload. */
  readonly claimedLength?: number
}

/** A raw TCP connection that has done the WebSocket upgrade to `/yjs/<boardId>`. */
export async function rawUpgrade(port: number, boardId: string, token: string): Promise<Socket> {
  const socket = connect(port, '127.0.0.1')
  socket.on('error', () => {})
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  socket.write(
    `GET /yjs/${boardId}?token=${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n` +
      `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
      `Sec-WebSocket-Version: 13\r\n\r\n`,
  )
  await new Promise<void>((resolve, reject) => {
    let seen = ''
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('latin1')
      if (!seen.includes('\r\n\r\n')) return
      socket.off('data', onData)
      if (seen.startsWith('HTTP/1.1 101')) resolve()
      else reject(new Error(`upgrade refused: ${seen.split('\r\n')[0]}`))
    }
    socket.on('data', onData)
  })
  return socket
}

/** Resolves once the server has closed the TCP connection. */
export const tcpClosed = (socket: Socket) =>
  socket.destroyed || socket.readableEnded
    ? Promise.resolve()
    : new Promise<void>((resolve) => socket.once('close', () => resolve()))
