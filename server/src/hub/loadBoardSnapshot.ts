import * as Y from 'yjs'
import { readBoard, type BoardSnapshot } from '@sparboard/board-model'
import { readStoredBoard, type Store } from '../store/Store.js'

/** The live document of a board that is open in the hub, or null. */
export type LiveDoc = (boardId: string) => Promise<Y.Doc | null>

/** A board as Yjs updates: what the main thread hands an export worker, never live objects. */
export type BoardState = readonly Uint8Array[]

/** A document built from a board's updates, handed to `read` and destroyed after. */
function readState<T>(state: BoardState, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      for (const update of state) Y.applyUpdate(doc, update)
    })
    return read(doc)
  } finally {
    doc.destroy()
  }
}

/**
 * Reads a board as it is now: from the hub's live document when the board is open (it may hold
 * edits that are being stored right now), else from the store (which holds every update anyone
 * has seen).
 */
export async function readBoardDoc<T>(
  store: Store,
  liveDoc: LiveDoc | undefined,
  boardId: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const live = await liveDoc?.(boardId)
  if (live) return read(live)
  return readState((await store.loadBoard(boardId)).updates, read)
}

/**
 * Reads a board's encoded state as it is now (see readBoardDoc). Encoding is a copy of bytes;
 * reading the notes out of them is left to the export worker.
 */
export async function loadBoardState(
  store: Store,
  liveDoc: LiveDoc | undefined,
  boardId: string,
): Promise<BoardState> {
  const live = await liveDoc?.(boardId)
  if (live) return [Y.encodeStateAsUpdate(live)]
  return (await readStoredBoard(store, boardId)).updates
}

/** The board an encoded state holds (in the export worker). */
export const boardOfState = (state: BoardState): BoardSnapshot => readState(state, readBoard)
