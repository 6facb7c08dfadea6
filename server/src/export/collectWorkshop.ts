import {
  agreementTracks,
  exportMoment,
  safeFileName,
  type ExportMoment,
  type Participant,
  type ReviewItem,
  type TrackStep,
} from '@sparboard/protocol'
import type { BoardSnapshot, NoteSnapshot, VoteTally } from '@sparboard/board-model'
import { readStoredSession } from '../control/SessionState.js'
import { readSeriesHistory } from '../control/readSeriesHistory.js'
import type { Store, WorkshopRecord } from '../store/Store.js'
import {
  boardOfState,
  loadBoardState,
  type BoardState,
  type LiveDoc,
} from '../hub/loadBoardSnapshot.js'

/** What an export shows of a workshop record: everything but its tokens. */
export type ExportedWorkshopInfo = Omit<WorkshopRecord, 'tokens'>

/** One board of a workshop with the names a reader knows it by. */
interface BoardNames {
  readonly id: string
  readonly caseTitle: string
  /** Who brought the case, or ''. */
  readonly broughtBy: string
  readonly groupName: string
  /** In a follow-up: the earlier agreements reviewed on this board, with how they held. */
  readonly review: readonly ReviewItem[]
  /** The session's moment for this board: a vote still open, its private notes not revealed. */
  readonly moment: ExportMoment
}

export interface ExportedBoard extends BoardNames {
  readonly board: BoardSnapshot
}

export interface ExportedWorkshop {
  readonly workshop: ExportedWorkshopInfo
  /** The session's number in its series: 1, or more for a follow-up. */
  readonly session: number
  /** In the order of the workshop's cases, then groups. */
  readonly boards: readonly ExportedBoard[]
  /** Who joined the session (names are printed only where the facilitator asks for them). */
  readonly participants: readonly Participant[]
  /** The session's moment for the whole workshop, marked in the export when a vote is open. */
  readonly moment: ExportMoment
  /** When the export was asked for (ms since the epoch) and the reader's time zone, if known. */
  readonly at: number
  readonly timeZone?: string
  /**
   * In a follow-up: each reviewed agreement's way through the series, by its id (where it was
   * agreed, every verdict since, this session's included).
   */
  readonly tracks: Readonly<Record<string, readonly TrackStep[]>>
}

/** A workshop as the main thread hands it to an export worker: plain data, boards encoded. */
export interface WorkshopState extends Omit<ExportedWorkshop, 'boards'> {
  readonly boards: readonly (BoardNames & { readonly state: BoardState })[]
}

/**
 * Reads every board of a workshop as encoded state, one after the other (the main thread only
 * copies bytes; an export worker reads the notes out of them).
 */
export async function collectWorkshop(
  store: Store,
  liveDoc: LiveDoc | undefined,
  workshop: WorkshopRecord,
  when: { readonly at: number; readonly timeZone?: string | undefined } = { at: Date.now() },
): Promise<WorkshopState> {
  const boards: WorkshopState['boards'][number][] = []
  // [C7] the session row is written before anyone hears of a change, so it is current here
  const session = readStoredSession(await store.getSession(workshop.id))
  for (const c of workshop.cases) {
    for (const g of workshop.groups) {
      const info = workshop.boards.find((b) => b.caseId === c.id && b.groupId === g.id)
      if (!info) continue
      boards.push({
        id: info.id,
        caseTitle: c.title,
        broughtBy: c.broughtBy ?? '',
        groupName: g.name,
        state: await loadBoardState(store, liveDoc, info.id),
        review: session.review.filter((r) => r.boardId === info.id),
        moment: exportMoment(session, info.id),
      })
    }
  }
  const { tokens: _tokens, ...info } = workshop
  const tracks: Record<string, readonly TrackStep[]> = {}
  if (session.review.length > 0) {
    const series = await readSeriesHistory(store, workshop.id, liveDoc)
    const all = agreementTracks(series.sessions, {
      number: session.series.number,
      review: session.review,
    })
    for (const r of session.review) tracks[r.id] = all.get(r.id) ?? []
  }
  return {
    workshop: info,
    session: session.series.number,
    boards,
    participants: session.participants,
    moment: exportMoment(session),
    at: when.at,
    ...(when.timeZone !== undefined && { timeZone: when.timeZone }),
    tracks,
  }
}

/** The workshop with its boards read (in the export worker). */
export const readWorkshopState = ({ boards, ...data }: WorkshopState): ExportedWorkshop => ({
  ...data,
  boards: boards.map(({ state, ...names }) => ({ ...names, board: boardOfState(state) })),
})

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
