import { NOTE_SIZE, type NoteId, type NoteSnapshot } from '@sparboard/board-model'
import { noteScene, type SceneLang } from '@sparboard/board-scene'
import type { NoteBox } from './useCanvasPointer.js'

/** The note that shows its whole text: the only one selected, unless it is being edited. */
export interface ExpandedNote {
  readonly id: NoteId
  readonly height: number
}

/** Which note is drawn whole and how tall; null when none is, or its text fits anyway. */
export function expandedNote(
  selected: ReadonlySet<NoteId>,
  editing: NoteId | null,
  notesById: ReadonlyMap<NoteId, NoteSnapshot>,
  lang: SceneLang,
): ExpandedNote | null {
  const [id] = selected.size === 1 ? selected : []
  const note = id && id !== editing ? notesById.get(id) : undefined
  if (!note) return null
  const { height } = noteScene(note, { lang, expanded: true })
  return height > NOTE_SIZE.height ? { id: note.id, height } : null
}

/**
 * The boxes hit testing goes by: the expanded note as tall as it is drawn, and last, since it is
 * drawn over the notes it reaches into.
 */
export function noteBoxes(
  notes: readonly NoteSnapshot[],
  expanded: ExpandedNote | null,
): NoteBox[] {
  const boxes = notes.map((n) => ({ x: n.x, y: n.y, ...NOTE_SIZE, note: n }))
  if (!expanded) return boxes
  const i = boxes.findIndex((b) => b.note.id === expanded.id)
  if (i < 0) return boxes
  const [box] = boxes.splice(i, 1)
  return [...boxes, { ...box!, height: expanded.height }]
}
