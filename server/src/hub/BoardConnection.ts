import type { Role } from '@sparboard/protocol'
import { CloseCode } from '@sparboard/protocol'
import type { RejectReason } from './RejectReason.js'
import type { WritePolicy } from './WritePolicy.js'
import { writeFramed } from './wireFrame.js'

/** The little a room needs of a socket; a `ws` WebSocket fits, and so does an in-memory pair. */
export interface RoomSocket {
  readonly readyState: number
  readonly bufferedAmount: number
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  terminate(): void
}

const OPEN = 1
/** A peer that does not answer our close frame in this time is cut off. */
export const CLOSE_GRACE_MS = 2000

/** Closes with a code, and cuts the socket off if the peer does not finish the close handshake. */
export function closeSocket(socket: RoomSocket, code: number, reason: string): void {
  try {
    socket.close(code, reason)
  } catch {
    // the socket is already gone; nothing to tell it
  }
  setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref()
}

/** One client's connection to one board. */
export class BoardConnection {
  /** The one awareness client id this connection may speak for ([H9]). */
  awarenessClient: number | null = null
  /** [H18] Asked before each write, beyond the role; none for the server's own connection. */
  writePolicy: WritePolicy | null = null
  /** [H18] Set once a write of it was dropped; Yjs would hold its later ones back. */
  droppedWrites = false
  /** The workshop of its token. */
  workshopId = ''
  /** [H19] The participant its personal token speaks for; null for a link's token. */
  participantId: string | null = null

  /** [H9] Who it speaks as: its role and, for a personal token, its participant. */
  get identity(): string {
    return `${this.role}:${this.participantId ?? ''}`
  }
  private closed = false

  constructor(
    readonly socket: RoomSocket,
    readonly role: Role,
    private readonly maxBufferedBytes: number,
    private readonly onReject: (reason: RejectReason) => void = () => {},
  ) {}

  /** [H18] Whether a write may land in `roomId` now, beyond the role (not on a locked board). */
  mayWrite(roomId: string): boolean {
    return this.writePolicy?.allows(this.workshopId, roomId, this.role) ?? true
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === OPEN
  }

  /** Sends a frame; a peer that stopped reading is closed instead of buffered forever ([H12]). */
  send(data: Uint8Array): void {
    if (this.mayBuffer()) this.socket.send(data)
  }

  /**
   * Sends a message many receivers share, already framed once for the wire (`binaryFrame`);
   * where the socket cannot take a ready frame, it sends `data` as `send` does.
   */
  sendFramed(data: Uint8Array, frame: Buffer): void {
    if (this.mayBuffer() && !writeFramed(this.socket, frame)) this.socket.send(data)
  }

  /** Whether a frame may be sent now: open, and not behind on reading ([H12]: closed if it is). */
  private mayBuffer(): boolean {
    if (!this.isOpen) return false
    if (this.socket.bufferedAmount <= this.maxBufferedBytes) return true
    this.reject(CloseCode.slowConsumer, 'slow_consumer')
    return false
  }

  /** Closes with a documented code and counts the refusal under `reason`. */
  reject(code: number, reason: RejectReason): void {
    if (this.closed) return
    this.onReject(reason)
    this.close(code, reason)
  }

  /** Closes without counting a refusal (shutdown, unload). */
  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    closeSocket(this.socket, code, reason)
  }
}
