import type { NoteId, Side, VoteTally } from '@sparboard/board-model'
import type { Ballot } from '@sparboard/protocol'
import type { BoardView } from '../sync/useBoardView.js'

/**
 * [C33] The board as a participant sees it in a blind round: their own dots only (the board holds
 * nobody's until the close), counted as theirs, on the side they vote for.
 */
export function blindView(view: BoardView, mine: Ballot, side: Side): BoardView {
  const tally = new Map<NoteId, VoteTally>()
  let myVotes = 0
  for (const [noteId, count] of Object.entries(mine)) {
    const id = noteId as NoteId
    if (!view.notesById.has(id) || count <= 0) continue
    const bySide: [number, number] = [0, 0]
    bySide[side] = count
    tally.set(id, { total: count, bySide, mine: count })
    myVotes += count
  }
  return { ...view, tally, myVotes, ranking: [] }
}
