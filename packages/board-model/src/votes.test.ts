import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  asParticipantId,
  castVote,
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
