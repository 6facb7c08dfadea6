import type * as Y from 'yjs'
import { addNotes } from './addNote.js'
import { zoneFor } from './boardLayout.js'
import type { Side } from './Category.js'
import { settleNotes } from './freeSpot.js'
import { asNoteId, type NoteId } from './ids.js'
import { NoteLimits } from './limits.js'
import type { BoardOrigin } from './origins.js'
import { clampCoordinate } from './placementAt.js'
import { readNotes, type NoteSnapshot } from './readNotes.js'

/** Who writes the copies, how far from the originals they land, and their new ids. */
export interface CopyOptions {
  readonly dx: number
  readonly dy: number
  readonly author: string
  readonly authorSide?: Side
  /** Called once per copy; the model never invents ids. */
  readonly newId: () => string
}

/**
 * New notes with the text, category and side of `source`, shifted by (dx, dy) and written by
 * the given author, in one transaction (one undo step); at most `NoteLimits.maxBatch` of them.
 * A copy that would cover a note takes the free spot of its zone nearest to there ([L2]).
 * The source may be notes no longer on the board (a clipboard). Returns the new ids.
 * @example select(duplicateNotes(doc, selected, { dx: 24, dy: 24, author: 'Anna', newId }, origin))
 */
export function duplicateNotes(
  doc: Y.Doc,
  source: readonly NoteSnapshot[],
  options: CopyOptions,
  origin: BoardOrigin,
): NoteId[] {
  const wanted = source.slice(0, NoteLimits.maxBatch).map((n) => ({
    id: asNoteId(options.newId()),
    category: n.category,
    ...(n.side !== null && { side: n.side }),
    x: clampCoordinate(n.x + options.dx),
    y: clampCoordinate(n.y + options.dy),
    text: n.text,
    author: options.author,
    ...(options.authorSide !== undefined && { authorSide: options.authorSide }),
  }))
  const copies = settleNotes(wanted, readNotes(doc), (n) => zoneFor(n.category, n.side ?? null))
  if (copies.length > 0) addNotes(doc, copies, origin)
  return copies.map((c) => c.id)
}
