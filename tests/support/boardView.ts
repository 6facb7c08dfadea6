import * as Y from 'yjs'
import type { Store } from '@sparboard/server'

/** What a person sees of a board: its notes (id -> fields, text as a string). */
export const boardView = (doc: Y.Doc) => doc.getMap('notes').toJSON()

/** What the store would hand a restarted server, as a document. */
export async function storedDoc(store: Store, boardId: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const update of (await store.loadBoard(boardId)).updates) Y.applyUpdate(doc, update)
  return doc
}
