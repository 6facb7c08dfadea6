import type * as Y from 'yjs'

/** Names of the board document's top-level types (part of the public contract). */
export const BoardKeys = {
  notes: 'notes',
  meta: 'meta',
} as const

/** Field names inside a note's Y.Map. */
export const NoteField = {
  // Y.Text: concurrent typing in one note merges by character.
  text: 'text',
  // Last writer wins on the scalar fields below.
  category: 'category',
  side: 'side',
  x: 'x',
  y: 'y',
  author: 'author',
} as const

/** The current schema version, stored in `meta.schemaVersion`. */
export const SCHEMA_VERSION = 1

export type NoteMap = Y.Map<unknown>

/** The `notes` map of a board document. */
export const notesOf = (doc: Y.Doc): Y.Map<NoteMap> => doc.getMap<NoteMap>(BoardKeys.notes)

/** The `meta` map of a board document. */
export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(BoardKeys.meta)
