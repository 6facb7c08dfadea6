import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  asParticipantId,
  castVote,
  placeVotes,
  rankByVotes,
  deleteNotes,
  readBoard,
  retractVote,
  tallyVotes,
  userOrigin,
  votesUsed,
} from './index.js'

const anna = asParticipantId('p-anna')
const bram = asParticipantId('p-bram')
const origin = userOrigin('anna')
const a = asNoteId('a')
const b = asNoteId('b')

function board() {
  const doc = new Y.Doc()
  addNote(doc, a, { category: 'solution', x: 0, y: 0, author: 'A' }, origin)
  addNote(doc, b, { category: 'solution', x: 0, y: 0, author: 'A' }, origin)
  return doc
}

describe('votes', () => {
  it('counts dots per note, per side and for me', () => {
    const doc = board()
    castVote(doc, a, { participant: anna, side: 0, budget: 5 }, origin)
    castVote(doc, a, { participant: anna, side: 0, budget: 5 }, origin)
    castVote(doc, a, { participant: bram, side: 1, budget: 5 }, userOrigin('bram'))
    const tally = tallyVotes(readBoard(doc).votes, anna)
    expect(tally.get(a)).toEqual({ total: 3, bySide: [2, 1], mine: 2 })
    expect(tally.get(b)).toBeUndefined()
  })

  it('refuses a dot once the budget is spent, and frees it when retracted', () => {
    const doc = board()
    const voter = { participant: anna, side: 0 as const, budget: 2 }
    expect(castVote(doc, a, voter, origin)).toBe('ok')
    expect(castVote(doc, b, voter, origin)).toBe('ok')
    expect(castVote(doc, b, voter, origin)).toBe('no-budget')
    expect(retractVote(doc, a, anna, origin)).toBe('ok')
    expect(retractVote(doc, a, anna, origin)).toBe('no-vote')
    expect(castVote(doc, b, voter, origin)).toBe('ok')
    expect(votesUsed(doc, anna)).toBe(2)
  })

  it('gives dots back when their note is deleted', () => {
    const doc = board()
    castVote(doc, a, { participant: anna, side: 0, budget: 1 }, origin)
    deleteNotes(doc, [a], origin)
    expect(readBoard(doc).votes).toEqual([])
    expect(castVote(doc, b, { participant: anna, side: 0, budget: 1 }, origin)).toBe('ok')
    expect(castVote(doc, asNoteId('gone'), { participant: anna, side: 0, budget: 9 }, origin)).toBe(
      'no-note',
    )
  })

  it("keeps both people's dots when they vote on one note at the same time", () => {
    const d1 = board()
    const d2 = new Y.Doc()
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1))
    castVote(d1, a, { participant: anna, side: 0, budget: 5 }, origin)
    castVote(d2, a, { participant: bram, side: 1, budget: 5 }, userOrigin('bram'))
    Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2))
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1))
    expect(tallyVotes(readBoard(d1).votes, null).get(a)?.total).toBe(2)
    expect(readBoard(d2).votes).toEqual(readBoard(d1).votes)
  })
})

describe('closed ballots and ranking', () => {
  it('[C33] places ballots as votes once, leaving out deleted notes', () => {
    const doc = board()
    const server = userOrigin('server')
    const ballots = [
      { noteId: 'a', participant: 'p-anna', side: 0 as const, count: 2 },
      { noteId: 'gone', participant: 'p-anna', side: 0 as const, count: 1 },
      { noteId: 'b', participant: 'p-bram', side: 1 as const, count: 1 },
    ]
    expect(placeVotes(doc, ballots, server)).toBe(3)
    expect(placeVotes(doc, ballots, server)).toBe(3)
    const tally = tallyVotes(readBoard(doc).votes, null)
    expect(tally.get(a)).toEqual({ total: 2, bySide: [2, 0], mine: 0 })
    expect(tally.get(b)).toEqual({ total: 1, bySide: [0, 1], mine: 0 })
  })

  it('[C35] ranks notes by dots, ties sharing a rank, unvoted ones left out', () => {
    const c = asNoteId('c')
    const d = asNoteId('d')
    const t = (total: number) => ({ total, bySide: [total, 0] as const, mine: 0 })
    const ranked = rankByVotes(
      [a, b, c, d],
      new Map([
        [a, t(1)],
        [b, t(3)],
        [c, t(1)],
      ]),
    )
    expect(ranked).toEqual([
      { noteId: b, total: 3, rank: 1 },
      { noteId: a, total: 1, rank: 2 },
      { noteId: c, total: 1, rank: 2 },
    ])
  })
})
