import { placeVotes, serverOrigin } from '@sparboard/board-model'
import type { Ballots } from './SessionState.js'
import type { RoomChanger } from './movePrivateNotes.js'

/**
 * [C33] Puts a closed blind round's ballots on the boards: per board one server transaction
 * ([H20]) that sets each person's dots on each note (so a second run doubles nothing); dots on
 * notes no longer on the board are left out. Rejects when a board could not be changed, so the
 * ballots stay stored and the tally is tried again.
 * @example const placed = await tallyBallots(ballots, hub)
 */
export async function tallyBallots(ballots: Ballots, hub: RoomChanger): Promise<number> {
  const byBoard = new Map<
    string,
    { noteId: string; participant: string; side: 0 | 1; count: number }[]
  >()
  for (const [key, { side, count }] of Object.entries(ballots)) {
    const [boardId, participant, noteId] = key.split('/')
    if (!boardId || !participant || !noteId) continue
    const votes = byBoard.get(boardId) ?? []
    votes.push({ noteId, participant, side, count })
    byBoard.set(boardId, votes)
  }
  let placed = 0
  for (const [boardId, votes] of byBoard)
    placed += await hub.changeBoard(boardId, (doc) => placeVotes(doc, votes, serverOrigin))
  return placed
}
