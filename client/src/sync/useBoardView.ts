import { useMemo } from 'react'
import type * as Y from 'yjs'
import {
  agreementBySolution,
  clusterByNote,
  rankByVotes,
  servedSides,
  tallyVotes,
  type AgreementSnapshot,
  type BoardSnapshot,
  type ClusterSnapshot,
  type NoteId,
  type NoteSnapshot,
  type ParticipantId,
  type VoteTally,
} from '@sparboard/board-model'
import { useBoard } from './useBoard.js'

/** A board as one person sees it: the snapshot and the lookups every part of the page needs. */
export interface BoardView {
  readonly board: BoardSnapshot
  readonly notesById: ReadonlyMap<NoteId, NoteSnapshot>
  /** Votes per note: total, by side, and the viewer's own. */
  readonly tally: ReadonlyMap<NoteId, VoteTally>
  /** The viewer's dots on the board's notes. */
  readonly myVotes: number
  /** The agreement each solution became. */
  readonly agreementBySolution: ReadonlyMap<NoteId, AgreementSnapshot>
  readonly clusterByNote: ReadonlyMap<NoteId, ClusterSnapshot>
  /** [G1] How many interests of each side each linked solution serves. */
  readonly served: ReadonlyMap<NoteId, readonly [number, number]>
  /**
   * [C35] The solutions with dots, best first (equal totals share a rank); empty while a blind
   * round hides the counts.
   */
  readonly ranking: readonly {
    readonly noteId: NoteId
    readonly total: number
    readonly rank: number
  }[]
}

/**
 * The board in `doc` (see useBoard) with its lookups, each derived once per change of what it
 * is derived from: notes by id when notes change, tallies when votes do, and so on.
 * @example const { board, tally } = useBoardView(doc, me)
 */
export function useBoardView(doc: Y.Doc | undefined, me: ParticipantId | null): BoardView {
  const board = useBoard(doc)
  const { notes, votes, agreements, clusters, links } = board
  const notesById = useMemo(() => new Map(notes.map((n) => [n.id, n])), [notes])
  const tally = useMemo(() => tallyVotes(votes, me), [votes, me])
  const myVotes = useMemo(() => [...tally.values()].reduce((s, t) => s + t.mine, 0), [tally])
  const agreed = useMemo(() => agreementBySolution(agreements), [agreements])
  const clustered = useMemo(() => clusterByNote(clusters), [clusters])
  const served = useMemo(() => servedSides(links, notesById), [links, notesById])
  const ranking = useMemo(
    () =>
      rankByVotes(
        notes.filter((n) => n.category === 'solution').map((n) => n.id),
        tally,
      ),
    [notes, tally],
  )
  return useMemo(
    () => ({
      board,
      notesById,
      tally,
      myVotes,
      agreementBySolution: agreed,
      clusterByNote: clustered,
      ranking,
      served,
    }),
    [board, notesById, tally, myVotes, agreed, clustered, ranking, served],
  )
}
