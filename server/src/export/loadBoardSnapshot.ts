import * as Y from 'yjs'
import { readBoard, type BoardSnapshot } from '@sparboard/board-model'
import type { Store } from '../store/Store.js'

/** The live document of a board that is open in the hub, or null. */
export type LiveDoc = (boardId: string) => Promise<Y.Doc | null>

/**
 * Reads a board as it is now: from the hub's live document when the board is open (it may hold
 * edits that are being stored right now), else from the store.
 */
export async function loadBoardSnapshot(
  store: Store,
  liveDoc: LiveDoc | undefined,
  boardId: string,
): Promise<BoardSnapshot> {
  const live = await liveDoc?.(boardId)
  if (live) return readBoard(live)
  const doc = new Y.Doc()
  try {
    const { updates } = await store.loadBoard(boardId)
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return readBoard(doc)
  } finally {
    doc.destroy()
  }
}
