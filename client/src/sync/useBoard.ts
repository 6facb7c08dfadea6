import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { BoardKeys, readBoard, SCHEMA_VERSION, type BoardSnapshot } from '@sparboard/board-model'

const EMPTY: BoardSnapshot = Object.freeze({
  schemaVersion: SCHEMA_VERSION,
  notes: [],
  votes: [],
  clusters: [],
  agreements: [],
})

/** The whole board as one frozen snapshot, re-read at most once per animation frame. */
export function useBoard(doc: Y.Doc | undefined): BoardSnapshot {
  const [board, setBoard] = useState<BoardSnapshot>(EMPTY)
  useEffect(() => {
    if (!doc) return
    let frame = 0
    const read = () => {
      frame = 0
      setBoard(readBoard(doc))
    }
    const schedule = () => {
      frame ||= requestAnimationFrame(read)
    }
    const types = Object.values(BoardKeys).map((key) => doc.getMap(key))
    types.forEach((t) => t.observeDeep(schedule))
    read()
    return () => {
      types.forEach((t) => t.unobserveDeep(schedule))
      cancelAnimationFrame(frame)
    }
  }, [doc])
  return board
}
