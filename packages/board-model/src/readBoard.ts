import type * as Y from 'yjs'
import { readAgreements, type AgreementSnapshot } from './agreements.js'
import { readClusters, type ClusterSnapshot } from './clusters.js'
import { readFallbacks, type FallbackSnapshot } from './fallbacks.js'
import { readGuesses, type GuessSnapshot } from './guesses.js'
import { schemaVersionOf } from './migrateBoard.js'
import { readNotes, type NoteSnapshot } from './readNotes.js'
import { readLinks, type LinkSnapshot } from './links.js'
import { readVotes, type VoteSnapshot } from './votes.js'

/** Everything on a board as plain frozen data, for React and for exports. */
export interface BoardSnapshot {
  readonly schemaVersion: number
  readonly notes: readonly NoteSnapshot[]
  /** Only votes on notes that exist. */
  readonly votes: readonly VoteSnapshot[]
  readonly clusters: readonly ClusterSnapshot[]
  readonly agreements: readonly AgreementSnapshot[]
  /** [SW1] The perspective swap's guesses on the board (revealed ones). */
  readonly guesses: readonly GuessSnapshot[]
  /** [FB1] The revealed "if we don't agree" cards. */
  readonly fallbacks: readonly FallbackSnapshot[]
  /** Links whose ends are on the board: solutions to the interests they serve, positions to theirs. */
  readonly links: readonly LinkSnapshot[]
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
    guesses: readGuesses(doc),
    fallbacks: readFallbacks(doc),
    links: readLinks(doc, new Map(notes.map((n) => [n.id, n]))),
  })
}
