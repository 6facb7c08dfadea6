import type * as Y from 'yjs'
import { isSide, type Side } from './Category.js'
import { asNoteId, asParticipantId, type NoteId, type ParticipantId } from './ids.js'
import type { BoardOrigin } from './origins.js'
import { notesOf, votesOf } from './schema.js'

/** One person's dots on one note. */
export interface VoteSnapshot {
  readonly noteId: NoteId
  readonly participant: ParticipantId
  readonly side: Side
  readonly count: number
}

/** Who votes, for which side, and with how many dots in total. */
export interface Voter {
  readonly participant: ParticipantId
  readonly side: Side
  readonly budget: number
}

// One key per person and note: a person's own dots on a note are last-writer-wins, so two of
// their tabs voting at once can overspend by one; other people's dots are never touched.
const voteKey = (participant: ParticipantId, noteId: NoteId) => `${participant}/${noteId}`

/** Every vote on the board, sorted by note then participant. Votes on deleted notes included. */
export function readVotes(doc: Y.Doc): readonly VoteSnapshot[] {
  const out: VoteSnapshot[] = []
  votesOf(doc).forEach((value) => {
    const v = value as Partial<Record<keyof VoteSnapshot, unknown>> | null
    if (!v || typeof v !== 'object') return
    if (typeof v.noteId !== 'string' || typeof v.participant !== 'string') return
    if (!isSide(v.side) || !Number.isInteger(v.count) || (v.count as number) <= 0) return
    out.push(
      Object.freeze({
        noteId: asNoteId(v.noteId),
        participant: asParticipantId(v.participant),
        side: v.side,
        count: v.count as number,
      }),
    )
  })
  out.sort((a, b) =>
    a.noteId === b.noteId
      ? a.participant.localeCompare(b.participant)
      : a.noteId.localeCompare(b.noteId),
  )
  return Object.freeze(out)
}

/** Dots a participant has placed on notes that still exist. */
export function votesUsed(doc: Y.Doc, participant: ParticipantId): number {
  const notes = notesOf(doc)
  return readVotes(doc)
    .filter((v) => v.participant === participant && notes.has(v.noteId))
    .reduce((sum, v) => sum + v.count, 0)
}

/** Why a vote was not placed. */
export type VoteResult = 'ok' | 'no-budget' | 'no-note' | 'no-vote'

/**
 * Puts one of the voter's dots on a note, unless their budget is spent.
 * @example castVote(doc, noteId, { participant, side: 0, budget: 5 }, origin)
 */
export function castVote(
  doc: Y.Doc,
  noteId: NoteId,
  voter: Voter,
  origin: BoardOrigin,
): VoteResult {
  if (!notesOf(doc).has(noteId)) return 'no-note'
  if (votesUsed(doc, voter.participant) >= voter.budget) return 'no-budget'
  const key = voteKey(voter.participant, noteId)
  const current = readCount(doc, key)
  doc.transact(() => {
    votesOf(doc).set(key, {
      noteId,
      participant: voter.participant,
      side: voter.side,
      count: current + 1,
    })
  }, origin)
  return 'ok'
}

/** Takes one of the participant's dots back off a note. */
export function retractVote(
  doc: Y.Doc,
  noteId: NoteId,
  participant: ParticipantId,
  origin: BoardOrigin,
): VoteResult {
  const key = voteKey(participant, noteId)
  const current = readCount(doc, key)
  if (current === 0) return 'no-vote'
  const stored = votesOf(doc).get(key) as VoteSnapshot
  doc.transact(() => {
    if (current === 1) votesOf(doc).delete(key)
    else votesOf(doc).set(key, { ...stored, count: current - 1 })
  }, origin)
  return 'ok'
}

function readCount(doc: Y.Doc, key: string): number {
  const v = votesOf(doc).get(key) as { count?: unknown } | undefined
  return v && Number.isInteger(v.count) ? (v.count as number) : 0
}

/** Dots per note: the total, per side, and the given participant's own. */
export interface VoteTally {
  readonly total: number
  readonly bySide: readonly [number, number]
  readonly mine: number
}

/** Adds up votes per note for one viewer. */
export function tallyVotes(
  votes: readonly VoteSnapshot[],
  me: ParticipantId | null,
): ReadonlyMap<NoteId, VoteTally> {
  const out = new Map<NoteId, { total: number; bySide: [number, number]; mine: number }>()
  for (const v of votes) {
    let t = out.get(v.noteId)
    if (!t) out.set(v.noteId, (t = { total: 0, bySide: [0, 0], mine: 0 }))
    t.total += v.count
    t.bySide[v.side] += v.count
    if (v.participant === me) t.mine += v.count
  }
  return out
}

/**
 * [C33] Puts closed ballots on a board as votes, in one transaction: each entry sets that
 * person's dots on that note (so running it twice doubles nothing); votes on notes no longer on
 * the board are left out. Returns how many dots landed.
 */
export function placeVotes(
  doc: Y.Doc,
  votes: readonly {
    readonly noteId: string
    readonly participant: string
    readonly side: Side
    readonly count: number
  }[],
  origin: BoardOrigin,
): number {
  const notes = notesOf(doc)
  let placed = 0
  doc.transact(() => {
    for (const v of votes) {
      if (!notes.has(v.noteId) || !Number.isInteger(v.count) || v.count <= 0) continue
      const participant = asParticipantId(v.participant)
      const noteId = asNoteId(v.noteId)
      votesOf(doc).set(voteKey(participant, noteId), {
        noteId,
        participant,
        side: v.side,
        count: v.count,
      })
      placed += v.count
    }
  }, origin)
  return placed
}

/**
 * [C35] Notes ranked by their dots, most first (ties by id, so every screen agrees); notes
 * without a dot are not ranked. `rank` is 1-based; equal totals share a rank.
 */
export function rankByVotes(
  noteIds: readonly NoteId[],
  tallies: ReadonlyMap<NoteId, { readonly total: number }>,
): readonly { readonly noteId: NoteId; readonly total: number; readonly rank: number }[] {
  const voted = noteIds
    .map((noteId) => ({ noteId, total: tallies.get(noteId)?.total ?? 0 }))
    .filter((n) => n.total > 0)
    .sort((a, b) => b.total - a.total || a.noteId.localeCompare(b.noteId))
  let rank = 0
  let last = -1
  return voted.map((n, i) => {
    if (n.total !== last) rank = i + 1
    last = n.total
    return { ...n, rank }
  })
}
