import type { Logger } from 'pino'
import type * as Y from 'yjs'
import {
  copyNotes,
  deleteNotes,
  readNotes,
  serverOrigin,
  type NoteSnapshot,
} from '@sparboard/board-model'
import { boardOfRoom, CloseCode } from '@sparboard/protocol'
import { RoomChangeError } from '../hub/ServerPeer.js'
import type { Store } from '../store/Store.js'

/** What the mover needs of the hub: server changes by the rules of a client's write ([H20]). */
export interface RoomChanger {
  changeBoard<T>(roomId: string, change: (doc: Y.Doc) => T): Promise<T>
}

export interface MoverContext {
  readonly store: Pick<Store, 'privateRooms'>
  readonly hub: RoomChanger
  readonly log: Logger
}

/**
 * [C19] Moves every private note of a workshop onto its board. Per board, the notes of all its
 * private rooms are copied in one server transaction (same ids; an id already on the board is
 * skipped), and only once that is stored are they deleted from the private rooms. Run again
 * after a stop midway, it doubles nothing and loses nothing. A board past its size limit keeps
 * its notes private (logged); any other failure rejects, so the reveal stays pending.
 * @example const moved = await movePrivateNotes(workshopId, { store, hub, log })
 */
export async function movePrivateNotes(workshopId: string, context: MoverContext): Promise<number> {
  const roomsOf = new Map<string, string[]>()
  for (const roomId of await context.store.privateRooms(workshopId)) {
    const boardId = boardOfRoom(roomId)
    roomsOf.set(boardId, [...(roomsOf.get(boardId) ?? []), roomId])
  }
  let moved = 0
  for (const [boardId, rooms] of roomsOf) moved += await moveBoard(boardId, rooms, context)
  return moved
}

async function moveBoard(
  boardId: string,
  rooms: readonly string[],
  { hub, log }: MoverContext,
): Promise<number> {
  const waiting: { roomId: string; notes: readonly NoteSnapshot[] }[] = []
  for (const roomId of rooms) {
    const notes = await hub.changeBoard(roomId, readNotes)
    if (notes.length > 0) waiting.push({ roomId, notes })
  }
  if (waiting.length === 0) return 0
  let onBoard: ReadonlySet<string>
  try {
    const all = waiting.flatMap((w) => w.notes)
    onBoard = new Set(await hub.changeBoard(boardId, (doc) => copyNotes(all, doc, serverOrigin)))
  } catch (err) {
    if (!(err instanceof RoomChangeError && err.code === CloseCode.tooLarge)) throw err
    // Retrying cannot make them fit; they stay with their authors, seen by no one else.
    log.warn({ board: boardId }, 'board past its size limit: private notes left unrevealed')
    return 0
  }
  // Deleted only once the board has them stored: a stop in between leaves a copy to skip.
  for (const { roomId, notes } of waiting) {
    const ids = notes.map((n) => n.id).filter((id) => onBoard.has(id))
    if (ids.length > 0) await hub.changeBoard(roomId, (doc) => deleteNotes(doc, ids, serverOrigin))
  }
  return onBoard.size
}
