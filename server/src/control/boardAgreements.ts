import * as Y from 'yjs'
import { readAgreements, type AgreementSnapshot } from '@sparboard/board-model'
import type { LiveDoc } from '../export/loadBoardSnapshot.js'
import type { Store } from '../store/Store.js'

/**
 * The agreements on a board: from the hub's live document when the board is open, else from the
 * store (which holds every update anyone has seen).
 */
export async function boardAgreements(
  store: Store,
  boardId: string,
  liveDoc?: LiveDoc,
): Promise<readonly AgreementSnapshot[]> {
  const live = await liveDoc?.(boardId)
  if (live) return readAgreements(live)
  const doc = new Y.Doc()
  try {
    const { updates } = await store.loadBoard(boardId)
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return readAgreements(doc)
  } finally {
    doc.destroy()
  }
}
