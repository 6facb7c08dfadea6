import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { notesOf, readNotes, type NoteSnapshot } from '@sparboard/board-model'

/** The board's notes as frozen snapshots, re-read at most once per animation frame. */
export function useNotes(doc: Y.Doc | undefined): readonly NoteSnapshot[] {
  const [notes, setNotes] = useState<readonly NoteSnapshot[]>([])
  useEffect(() => {
    if (!doc) return
    let frame = 0
    const read = () => {
      frame = 0
      setNotes(readNotes(doc))
    }
    const schedule = () => {
      frame ||= requestAnimationFrame(read)
    }
    const notes = notesOf(doc)
    notes.observeDeep(schedule)
    read()
    return () => {
      notes.unobserveDeep(schedule)
      cancelAnimationFrame(frame)
    }
  }, [doc])
  return notes
}
