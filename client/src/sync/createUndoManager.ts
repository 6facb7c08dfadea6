import * as Y from 'yjs'
import { BoardKeys, type BoardOrigin } from '@sparboard/board-model'

/**
 * One person's undo history over the board. It tracks only their origin object, so undo never
 * reverts what someone else did. Typing merges into one step; every other action (add, move,
 * paste, delete, vote) is a step of its own, however quickly it follows the last one.
 */
export function createUndoManager(doc: Y.Doc, origin: BoardOrigin): Y.UndoManager {
  const types = [
    BoardKeys.notes,
    BoardKeys.votes,
    BoardKeys.clusters,
    BoardKeys.agreements,
    BoardKeys.links,
  ]
  let lastWasTyping = false
  const manager: Y.UndoManager = new Y.UndoManager(
    types.map((k) => doc.getMap(k)),
    {
      trackedOrigins: new Set([origin]),
      captureTimeout: 600,
      captureTransaction: (tr) => {
        if (tr.origin !== origin) return true
        const typing = [...tr.changed.keys()].every((type) => type instanceof Y.Text)
        if (!typing || !lastWasTyping) manager.stopCapturing()
        lastWasTyping = typing
        return true
      },
    },
  )
  return manager
}
