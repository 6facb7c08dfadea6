import type * as Y from 'yjs'
import { readAgreements, type AgreementSnapshot } from './agreements.js'
import { readClusters, type ClusterSnapshot } from './clusters.js'
import { schemaVersionOf } from './migrateBoard.js'
import { readNotes, type NoteSnapshot } from './readNotes.js'
import { readVotes, type VoteSnapshot } from './votes.js'

/** Everything on a board as plain frozen data, for React and for exports. */
export interface BoardSnapshot {
  readonly schemaVersion: number
  readonly notes: readonly NoteSnapshot[]
  /** Only votes on notes that exist. */
  readonly votes: readonly VoteSnapshot[]
  readonly clusters: readonly ClusterSnapshot[]
  readonly agreements: readonly AgreementSnapshot[]
}

/**
 * Reads the whole board.
 * @example const { notes, votes } = readBoard(doc)
 */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  const notes = readNotes(doc)
  const ids = new Set<string>(notes.map((n) => n.id))
  return Object.freeze({
    schemaVersion: schemaVersionOf(doc),
    notes,
    votes: Object.freeze(readVotes(doc).filter((v) => ids.has(v.noteId))),
    clusters: readClusters(doc),
    agreements: readAgreements(doc),
  })
}
