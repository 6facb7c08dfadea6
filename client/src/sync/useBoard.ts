import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import {
  BoardKeys,
  notesOf,
  readAgreements,
  readClusters,
  readVotes,
  SCHEMA_VERSION,
  schemaVersionOf,
  type BoardSnapshot,
} from '@sparboard/board-model'
import { NoteCache } from './NoteCache.js'

const EMPTY: BoardSnapshot = Object.freeze({
  schemaVersion: SCHEMA_VERSION,
  notes: [],
  votes: [],
  clusters: [],
  agreements: [],
})

/**
 * The whole board as one frozen snapshot (as `readBoard` gives it), re-read at most once per
 * animation frame; notes are re-read only where they changed (see NoteCache).
 */
export function useBoard(doc: Y.Doc | undefined): BoardSnapshot {
  const [board, setBoard] = useState<BoardSnapshot>(EMPTY)
  useEffect(() => {
    if (!doc) return
    const notes = notesOf(doc)
    const cache = new NoteCache(doc)
    let frame = 0
    const read = () => {
      frame = 0
      const current = cache.read()
      const ids = new Set<string>(current.map((n) => n.id))
      setBoard(
        Object.freeze({
          schemaVersion: schemaVersionOf(doc),
          notes: current,
          votes: Object.freeze(readVotes(doc).filter((v) => ids.has(v.noteId))),
          clusters: readClusters(doc),
          agreements: readAgreements(doc),
        }),
      )
    }
    const schedule = () => {
      frame ||= requestAnimationFrame(read)
    }
    const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      cache.note(events)
      schedule()
    }
    const others = [BoardKeys.meta, BoardKeys.votes, BoardKeys.clusters, BoardKeys.agreements].map(
      (key) => doc.getMap(key),
    )
    notes.observeDeep(onNotes)
    others.forEach((t) => t.observeDeep(schedule))
    read()
    return () => {
      notes.unobserveDeep(onNotes)
      others.forEach((t) => t.unobserveDeep(schedule))
      cancelAnimationFrame(frame)
    }
  }, [doc])
  return board
}
