import type * as Y from 'yjs'
import { migrationOrigin, type BoardOrigin } from './origins.js'
import { metaOf, NoteField, notesOf, SCHEMA_VERSION } from './schema.js'

/** What a migration did. */
export interface MigrationResult {
  readonly from: number
  readonly to: number
  /** The document was written by a newer Sparboard: leave it alone and tell the user. */
  readonly tooNew: boolean
}

/** The version a document is at; documents from before `meta.schemaVersion` existed are v1. */
export function schemaVersionOf(doc: Y.Doc): number {
  const v = metaOf(doc).get('schemaVersion')
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 1
}

/**
 * Steps from version n to n + 1. Each must be idempotent: two peers may migrate the same
 * document at once and their writes merge.
 */
const STEPS: Record<number, (doc: Y.Doc) => void> = {
  // v2 adds votes, clusters, agreements and authorSide. A v1 interest written without a side
  // (by the walking skeleton's bug) is given side 0 so it shows in a zone.
  1: (doc) => {
    notesOf(doc).forEach((note) => {
      if (note.get(NoteField.category) === 'interest' && !note.has(NoteField.side))
        note.set(NoteField.side, 0)
    })
  },
}

/**
 * Brings a board document up to SCHEMA_VERSION in one transaction; writes nothing when it is
 * already current.
 * @example migrateBoard(doc) // after the first sync, before rendering
 */
export function migrateBoard(doc: Y.Doc, origin: BoardOrigin = migrationOrigin): MigrationResult {
  const from = schemaVersionOf(doc)
  if (from > SCHEMA_VERSION) return { from, to: from, tooNew: true }
  if (from === SCHEMA_VERSION && metaOf(doc).get('schemaVersion') === SCHEMA_VERSION)
    return { from, to: from, tooNew: false }
  doc.transact(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) STEPS[v]?.(doc)
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION)
  }, origin)
  return { from, to: SCHEMA_VERSION, tooNew: false }
}
