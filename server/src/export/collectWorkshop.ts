import { safeFileName, type ReviewItem } from '@sparboard/protocol'
import type { BoardSnapshot, NoteSnapshot, VoteTally } from '@sparboard/board-model'
import { readStoredSession } from '../control/SessionState.js'
import type { Store, WorkshopRecord } from '../store/Store.js'
import { loadBoardSnapshot, type LiveDoc } from './loadBoardSnapshot.js'

/** One board of a workshop with the names a reader knows it by. */
export interface ExportedBoard {
  readonly id: string
  readonly caseTitle: string
  /** Who brought the case, or ''. */
  readonly broughtBy: string
  readonly groupName: string
  readonly board: BoardSnapshot
  /** In a follow-up: the earlier agreements reviewed on this board, with how they held. */
  readonly review: readonly ReviewItem[]
}

export interface ExportedWorkshop {
  readonly workshop: WorkshopRecord
  /** The session's number in its series: 1, or more for a follow-up. */
  readonly session: number
  /** In the order of the workshop's cases, then groups. */
  readonly boards: readonly ExportedBoard[]
}

/** Reads every board of a workshop, one after the other (two cores are shared by everyone). */
export async function collectWorkshop(
  store: Store,
  liveDoc: LiveDoc | undefined,
  workshop: WorkshopRecord,
): Promise<ExportedWorkshop> {
  const boards: ExportedBoard[] = []
  // [C7] the session row is written before anyone hears of a change, so it is current here
  const session = readStoredSession(await store.getSession(workshop.id))
  for (const c of workshop.cases) {
    for (const g of workshop.groups) {
      const info = workshop.boards.find((b) => b.caseId === c.id && b.groupId === g.id)
      if (!info) continue
      const board = await loadBoardSnapshot(store, liveDoc, info.id)
      boards.push({
        id: info.id,
        caseTitle: c.title,
        broughtBy: c.broughtBy ?? '',
        groupName: g.name,
        board,
        review: session.review.filter((r) => r.boardId === info.id),
      })
    }
  }
  return { workshop, session: session.series.number, boards }
}

/** Total dots per note id. */
export function votesByNote(board: BoardSnapshot): Map<string, number> {
  const votes = new Map<string, number>()
  for (const v of board.votes) votes.set(v.noteId, (votes.get(v.noteId) ?? 0) + v.count)
  return votes
}

/** Orders notes by their dots, most first (a sort comparator over a board's vote tally). */
export const byVotes =
  (votes: ReadonlyMap<string, VoteTally>) => (a: NoteSnapshot, b: NoteSnapshot) =>
    (votes.get(b.id)?.total ?? 0) - (votes.get(a.id)?.total ?? 0)

/** The cluster name of each clustered note id. */
export function clusterByNote(board: BoardSnapshot): Map<string, string> {
  const names = new Map<string, string>()
  for (const c of board.clusters) for (const id of c.noteIds) names.set(id, c.name)
  return names
}

/** A file name made of the case and group, safe on every file system. */
/** A board's download name: no path, control or bidi characters, and its real extension. */
export const boardFileName = (caseTitle: string, groupName: string, ext: string) =>
  safeFileName(`${caseTitle} - ${groupName}.${ext}`, `board.${ext}`)
