import type { Logger } from 'pino'
import type { WebSocket } from 'ws'
import { CloseCode } from '@sparboard/protocol'
import type { Metrics } from '../metrics.js'
import type { TokenGrant } from '../store/Store.js'
import { CLOSE_GRACE_MS, closeSocket, type BoardConnection } from './BoardConnection.js'
import type { BoardRoom } from './BoardRoom.js'
import type { RejectReason } from './RejectReason.js'
import { TokenBucket } from '../TokenBucket.js'

/** [H13] How fast one connection may send. */
export interface RateLimits {
  /** Messages per second a connection may send, sustained, and in one burst. */
  readonly rateMessagesPerSecond: number
  readonly rateMessageBurst: number
  /** Bytes per second a connection may send, sustained, and in one burst. */
  readonly rateBytesPerSecond: number
  readonly rateByteBurst: number
}

/** What the sockets of one hub share. */
export interface HubSockets {
  readonly open: Set<HubSocket>
  readonly limits: RateLimits
  readonly metrics: Metrics
  readonly log: Logger
}

type OwnedSocket = WebSocket & { owner: HubSocket }

/**
 * One socket on `/yjs/`, from its upgrade to its close: its rate limits ([H13]), whether it
 * answered the last ping ([H16]), its workshop and grant ([H19]) and the frames it sends before it joins its
 * room. The `ws` listeners are shared by every socket and find this through the socket: closures
 * per connection, one per listener, cost ~1 KiB per idle connection.
 */
export class HubSocket {
  /** [H16] Whether it answered the last ping. */
  alive = true
  /** [H19] Set once the token is known, so that a replaced link or removed person is closed. */
  grant: TokenGrant | null = null
  private conn: BoardConnection | null = null
  private room: BoardRoom | null = null
  /** What it sent before it joined its room; null once it has. */
  private inbox: Uint8Array[] | null = []
  private limited = false
  private readonly messages: TokenBucket
  private readonly bytes: TokenBucket

  constructor(
    readonly ws: WebSocket,
    readonly boardId: string,
    /** The workshop its token opens, as the upgrade guard found it; null for none. */
    readonly workshopId: string | null,
    private readonly hub: HubSockets,
  ) {
    const { limits } = hub
    this.messages = new TokenBucket(limits.rateMessageBurst, limits.rateMessagesPerSecond)
    this.bytes = new TokenBucket(limits.rateByteBurst, limits.rateBytesPerSecond)
    ;(ws as OwnedSocket).owner = this
    ws.on('error', onError)
    ws.on('message', onMessage)
    ws.on('close', onClose)
    ws.on('pong', onPong)
    hub.open.add(this)
    hub.metrics.connections.inc()
  }

  /** Counts the refusal under `reason` and closes with `code`. */
  refuse(code: number, reason: RejectReason): void {
    this.hub.metrics.rejected.inc({ reason })
    if (this.conn) this.conn.close(code, reason)
    else closeSocket(this.ws, code, reason)
  }

  /** It is in its room: what it sent meanwhile goes there first, then every later frame. */
  joined(room: BoardRoom, conn: BoardConnection): void {
    this.room = room
    this.conn = conn
    const waiting = this.inbox ?? []
    this.inbox = null
    for (const data of waiting) room.receive(conn, data)
  }

  receive(data: Buffer): void {
    if (this.limited) return
    if (!this.messages.take() || !this.bytes.take(data.byteLength)) {
      // [H13] a connection past its token bucket is closed; nothing more of it is read
      this.limited = true
      return this.refuse(CloseCode.rateLimited, 'rate_limited')
    }
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    if (this.room && this.conn) this.room.receive(this.conn, frame)
    else this.inbox?.push(frame)
  }

  closed(): void {
    this.hub.open.delete(this)
    this.hub.metrics.connections.dec()
    if (this.room && this.conn) this.room.leave(this.conn)
  }

  failed(err: Error & { code?: string }): void {
    // [H8] an error on one socket (reserved opcode, payload past maxPayload) closes that socket
    // only; ws has already sent the close code, we just make sure it goes away
    this.hub.log.debug({ err, board: this.boardId }, 'socket error')
    const tooLarge = err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
    this.hub.metrics.rejected.inc({ reason: tooLarge ? 'payload_too_large' : 'protocol_error' })
    setTimeout(() => this.ws.terminate(), CLOSE_GRACE_MS).unref()
  }
}

const ownerOf = (ws: WebSocket) => (ws as OwnedSocket).owner

function onMessage(this: WebSocket, data: Buffer): void {
  ownerOf(this).receive(data)
}

function onClose(this: WebSocket): void {
  ownerOf(this).closed()
}

function onError(this: WebSocket, err: Error): void {
  ownerOf(this).failed(err)
}

function onPong(this: WebSocket): void {
  ownerOf(this).alive = true
}
