import type { Logger } from 'pino'
import type * as Y from 'yjs'
import {
  copyGuesses,
  copyLinks,
  copyNotes,
  deleteGuesses,
  deleteNotes,
  readBoard,
  readGuesses,
  readNotes,
  serverOrigin,
  settleNotes,
  zoneFor,
  type GuessSnapshot,
  type LinkSnapshot,
  type NoteSnapshot,
} from '@sparboard/board-model'
import { boardOfRoom, CloseCode } from '@sparboard/protocol'
import { privateRoomOwner } from '../hub/privateRoomOwner.js'
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
  /** [H27] Whether a participant was removed: their private rooms are never revealed. */
  readonly removed?: (participantId: string) => boolean
}

/**
 * [C19] Moves every private note of a workshop onto its board. Per board, the notes of all its
 * private rooms are copied in one server transaction (same ids; an id already on the board is
 * skipped), each on a free spot of its zone ([L2]: as near where its author put it as there is
 * room, never on another note), and only once that is stored are they deleted from the private
 * rooms. Run again
 * after a stop midway, it doubles nothing and loses nothing. A board past its size limit keeps
 * its notes private (logged); that and any other failure rejects, so the reveal stays pending.
 * @example const moved = await movePrivateNotes(workshopId, { store, hub, log })
 */
export async function movePrivateNotes(workshopId: string, context: MoverContext): Promise<number> {
  const roomsOf = new Map<string, string[]>()
  for (const roomId of await context.store.privateRooms(workshopId)) {
    const owner = privateRoomOwner(roomId)
    if (owner && context.removed?.(owner)) continue
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
  const waiting: {
    roomId: string
    notes: readonly NoteSnapshot[]
    guesses: readonly GuessSnapshot[]
    links: readonly LinkSnapshot[]
  }[] = []
  for (const roomId of rooms) {
    // [SW1] the perspective swap's guesses wait in the same rooms and move with the notes;
    // [G1] [G3] so do links written alone (a position's answer, say)
    const { notes, guesses, links } = await hub.changeBoard(roomId, (doc) => ({
      notes: readNotes(doc),
      guesses: readGuesses(doc),
      links: readBoard(doc).links,
    }))
    if (notes.length + guesses.length > 0) waiting.push({ roomId, notes, guesses, links })
  }
  if (waiting.length === 0) return 0
  let onBoard: ReadonlySet<string>
  let guessesOnBoard: ReadonlySet<string>
  try {
    const all = waiting.flatMap((w) => w.notes)
    const guesses = waiting.flatMap((w) => w.guesses)
    const links = waiting.flatMap((w) => w.links)
    const copied = await hub.changeBoard(boardId, (doc) => {
      let guessIds: string[] = []
      // one transaction: the board takes a round's notes, guesses and links together
      const noteIds = doc.transact(() => {
        guessIds = copyGuesses(guesses, doc, serverOrigin)
        const ids = copyNotes(settle(all, doc), doc, serverOrigin)
        copyLinks(links, doc, serverOrigin)
        return ids
      }, serverOrigin)
      return { noteIds, guessIds }
    })
    onBoard = new Set(copied.noteIds)
    guessesOnBoard = new Set(copied.guessIds)
  } catch (err) {
    // They stay with their authors, seen by no one else; the reveal is not done ([H14]).
    if (err instanceof RoomChangeError && err.code === CloseCode.tooLarge)
      log.warn({ board: boardId }, 'board past its size limit: private notes left unrevealed')
    throw err
  }
  // Deleted only once the board has them stored: a stop in between leaves a copy to skip.
  for (const { roomId, notes, guesses } of waiting) {
    const ids = notes.map((n) => n.id).filter((id) => onBoard.has(id))
    const guessIds = guesses.map((g) => g.id).filter((id) => guessesOnBoard.has(id))
    if (ids.length + guessIds.length > 0)
      await hub.changeBoard(roomId, (doc) =>
        doc.transact(() => {
          deleteNotes(doc, ids, serverOrigin)
          deleteGuesses(doc, guessIds, serverOrigin)
        }, serverOrigin),
      )
  }
  return onBoard.size + guessesOnBoard.size
}

/** The notes on free spots of their zones, among the board's notes and each other. */
const settle = (notes: readonly NoteSnapshot[], board: Y.Doc) =>
  settleNotes(notes, readNotes(board), (n) => zoneFor(n.category, n.side))
