import type { Role } from '@sparboard/protocol'
import { CloseCode } from '@sparboard/protocol'

/** The little a room needs of a socket; a `ws` WebSocket fits, and so does an in-memory pair. */
export interface RoomSocket {
  readonly readyState: number
  readonly bufferedAmount: number
  send(data: Uint8Array): void
  close(code: number, reason: string): void
}

const OPEN = 1

/** One client's connection to one board. */
export class BoardConnection {
  /** The one awareness client id this connection may speak for ([H9]). */
  awarenessClient: number | null = null
  private closed = false

  constructor(
    readonly socket: RoomSocket,
    readonly role: Role,
    private readonly maxBufferedBytes: number,
    private readonly onReject: (reason: string) => void = () => {},
  ) {}

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === OPEN
  }

  /** Sends a frame; a peer that stopped reading is closed instead of buffered forever ([H12]). */
  send(data: Uint8Array): void {
    if (!this.isOpen) return
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close(CloseCode.slowConsumer, 'slow consumer')
      return
    }
    this.socket.send(data)
  }

  /** Closes with a documented code; counts it as a rejection when the code says so. */
  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    if (code >= 4000) this.onReject(reason)
    try {
      this.socket.close(code, reason)
    } catch {
      // the socket is already gone; nothing to tell it
    }
  }
}
