import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import type { RoomSocket } from './BoardConnection.js'
import { MessageType, SyncType, syncStep1, updateMessage } from './messages.js'

const OPEN = 1
const CLOSED = 3

/** Why a change the server made to a room did not land ([H20]); `code` is the room's close code. */
export class RoomChangeError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(`room change failed (${code}): ${reason}`)
    this.name = 'RoomChangeError'
  }
}

/**
 * [H20] The server's own connection to a room, in process: it speaks the room's protocol like a
 * client, so every rule of a client's write holds for it. It syncs a copy of the document, sends
 * its change as one update, and knows the change is stored when the room answers its next sync
 * step 1 (an answer is sent only once everything before it is stored, [H3]).
 */
export class ServerPeer implements RoomSocket {
  readyState: number = OPEN
  readonly bufferedAmount = 0
  readonly doc = new Y.Doc()
  private answer: { resolve: () => void; reject: (err: RoomChangeError) => void } | null = null
  private closedWith: RoomChangeError | null = null

  /** `toRoom` hands a frame to the room, as the hub does with a client's. */
  constructor(private readonly toRoom: (frame: Uint8Array) => void) {}

  /** Resolves once the room has answered a sync step 1: the copy then holds all it had stored. */
  sync(): Promise<void> {
    if (this.closedWith) return Promise.reject(this.closedWith)
    return new Promise((resolve, reject) => {
      this.answer = { resolve, reject }
      this.toRoom(syncStep1(this.doc))
    })
  }

  /** Runs `change` on the copy and sends what it wrote as one update; `wrote` says whether any. */
  write<T>(change: (doc: Y.Doc) => T): { result: T; wrote: boolean } {
    if (this.closedWith) throw this.closedWith
    const written: Uint8Array[] = []
    const collect = (update: Uint8Array, origin: unknown) => {
      if (origin !== this) written.push(update)
    }
    this.doc.on('update', collect)
    let result: T
    try {
      result = change(this.doc)
    } finally {
      this.doc.off('update', collect)
    }
    if (written.length > 0)
      this.toRoom(updateMessage(written.length === 1 ? written[0]! : Y.mergeUpdates(written)))
    return { result, wrote: written.length > 0 }
  }

  /** A frame from the room: its sync answers and the updates of others are applied to the copy. */
  send(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageType.sync) return
    const type = decoding.readVarUint(decoder)
    // The room's own step 1 asks what we have: we write by update instead.
    if (type === SyncType.step1) return
    Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), this)
    if (type !== SyncType.step2) return
    const answer = this.answer
    this.answer = null
    answer?.resolve()
  }

  close(code: number, reason: string): void {
    if (this.readyState === CLOSED) return
    this.readyState = CLOSED
    this.closedWith = new RoomChangeError(code, reason)
    this.answer?.reject(this.closedWith)
    this.answer = null
  }

  terminate(): void {
    this.close(1006, 'terminated')
  }

  /** Frees the copy. */
  destroy(): void {
    this.readyState = CLOSED
    this.doc.destroy()
  }
}
