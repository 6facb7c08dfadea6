import { useEffect, useState } from 'react'
import type { NoteId, NoteSnapshot } from '@sparboard/board-model'

/**
 * The notes this person selected. Notes someone else deleted leave it, or they would linger in
 * the tools; the board's snapshot has this page's own new notes at once (see useBoard), so a
 * note just pasted and selected stays.
 */
export function useSelection(notesById: ReadonlyMap<NoteId, NoteSnapshot>) {
  const [selected, setSelected] = useState<ReadonlySet<NoteId>>(new Set())
  useEffect(() => {
    if ([...selected].some((id) => !notesById.has(id)))
      setSelected(new Set([...selected].filter((id) => notesById.has(id))))
  }, [notesById, selected])
  return [selected, setSelected] as const
}
