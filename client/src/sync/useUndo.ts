import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { BoardOrigin } from '@sparboard/board-model'
import { createUndoManager } from './createUndoManager.js'

export interface Undo {
  undo(): void
  redo(): void
  readonly canUndo: boolean
  readonly canRedo: boolean
}

/** This person's undo and redo (see createUndoManager), with whether either can run. */
export function useUndo(doc: Y.Doc | undefined, origin: BoardOrigin): Undo {
  const manager = useMemo(() => (doc ? createUndoManager(doc, origin) : null), [doc, origin])
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
