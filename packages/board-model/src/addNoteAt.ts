import type * as Y from 'yjs'
import type { Zone } from './boardLayout.js'
import type { Side } from './Category.js'
import { addNote } from './addNote.js'
import { freeSpot } from './freeSpot.js'
import type { NoteId } from './ids.js'
import type { BoardOrigin } from './origins.js'
import { clampCoordinate, zoneForNote } from './placementAt.js'
import { readNotes } from './readNotes.js'

/** The writer of a new note and its first text. */
export interface NewNote {
  readonly text?: string
  readonly author: string
  readonly authorSide?: Side
}

/**
 * Adds a note with its top-left at (x, y), in the category of the zone it lands in, or, when
 * another note is there, on the free spot of that zone nearest to it ([L1]). Returns where.
 * @example addNoteAt(doc, asNoteId(uuid()), { x: 700, y: 100 }, { author: 'Anna' }, origin)
 */
export function addNoteAt(
  doc: Y.Doc,
  id: NoteId,
  at: { readonly x: number; readonly y: number },
  note: NewNote,
  origin: BoardOrigin,
): { readonly x: number; readonly y: number } {
  const preferred = { x: clampCoordinate(at.x), y: clampCoordinate(at.y) }
  return addNoteInZone(doc, id, zoneForNote(preferred.x, preferred.y), note, origin, preferred)
}

/**
 * Adds a note to a zone on a free spot among the notes the document holds now ([L1]): the
 * first, or the one nearest to `preferred`. Returns where.
 * @example addNoteInZone(doc, asNoteId(uuid()), ZONES[3], { text: 'Rush slot', author: 'Anna' }, origin)
 */
export function addNoteInZone(
  doc: Y.Doc,
  id: NoteId,
  zone: Zone,
  note: NewNote,
  origin: BoardOrigin,
  preferred?: { readonly x: number; readonly y: number },
): { readonly x: number; readonly y: number } {
  const spot = freeSpot(zone, readNotes(doc), preferred)
  const placement = { category: zone.category, ...(zone.side !== null && { side: zone.side }) }
  addNote(doc, id, { ...placement, ...spot, ...note }, origin)
  return spot
}
