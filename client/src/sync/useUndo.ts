import { useEffect, useMemo, useState } from 'react'
import * as Y from 'yjs'
import { BoardKeys, type BoardOrigin } from '@sparboard/board-model'

export interface Undo {
  undo(): void
  redo(): void
  readonly canUndo: boolean
  readonly canRedo: boolean
}

/**
 * This person's undo history: it tracks only their origin object, so undo never reverts what
 * someone else did, even to the same note.
 */
export function useUndo(doc: Y.Doc | undefined, origin: BoardOrigin): Undo {
  const manager = useMemo(() => {
    if (!doc) return null
    const types = [BoardKeys.notes, BoardKeys.votes, BoardKeys.clusters, BoardKeys.agreements]
    return new Y.UndoManager(
      types.map((k) => doc.getMap(k)),
      { trackedOrigins: new Set([origin]), captureTimeout: 400 },
    )
  }, [doc, origin])
  const [state, setState] = useState({ canUndo: false, canRedo: false })
  useEffect(() => {
    if (!manager) return
    const update = () =>
      setState({ canUndo: manager.undoStack.length > 0, canRedo: manager.redoStack.length > 0 })
    manager.on('stack-item-added', update)
    manager.on('stack-item-popped', update)
    manager.on('stack-cleared', update)
    return () => manager.destroy()
  }, [manager])
  return useMemo(
    () => ({
      undo: () => manager?.undo(),
      redo: () => manager?.redo(),
      ...state,
    }),
    [manager, state],
  )
}
