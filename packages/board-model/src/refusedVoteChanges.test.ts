import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  asParticipantId,
  castVote,
  refusedVoteChanges,
  retractVote,
  userOrigin,
  votesOf,
  type VoteKeyChange,
  type VoteRights,
} from './index.js'

const anna = asParticipantId('p-anna')
const bram = asParticipantId('p-bram')
const origin = userOrigin('anna')
const [a, b, c] = ['a', 'b', 'c'].map(asNoteId) as [
  ReturnType<typeof asNoteId>,
  ReturnType<typeof asNoteId>,
  ReturnType<typeof asNoteId>,
]
const annas: VoteRights = { participant: anna, side: 0, open: true, budget: 2 }

function board() {
  const doc = new Y.Doc()
  for (const id of [a, b, c])
    addNote(doc, id, { category: 'solution', x: 0, y: 0, author: 'A' }, origin)
  return doc
}

/**
 * Runs a write and asks which of its vote changes `rights` refuse, then puts those back as the
 * server does, so the next write starts from what everyone would see.
 */
function check(doc: Y.Doc, rights: VoteRights, write: () => void): readonly string[] {
  let changes: VoteKeyChange[] = []
  let refused: readonly string[] = []
  const observe = (event: Y.YMapEvent<unknown>) => {
    changes = [...event.changes.keys].map(([key, c]) => ({
      key,
      action: c.action,
      oldValue: c.oldValue,
    }))
    refused = refusedVoteChanges(doc, changes, rights)
  }
  votesOf(doc).observe(observe)
  doc.transact(write, origin)
  votesOf(doc).unobserve(observe)
  for (const change of changes.filter((ch) => refused.includes(ch.key))) {
    if (change.oldValue === undefined) votesOf(doc).delete(change.key)
    else votesOf(doc).set(change.key, change.oldValue)
  }
  return [...refused].sort()
}

describe('refusedVoteChanges', () => {
  it('lets a participant cast and take back their own dots within their budget', () => {
    const doc = board()
    expect(
      check(doc, annas, () => castVote(doc, a, { participant: anna, side: 0, budget: 2 }, origin)),
    ).toEqual([])
    expect(
      check(doc, annas, () => castVote(doc, b, { participant: anna, side: 0, budget: 2 }, origin)),
    ).toEqual([])
    expect(check(doc, annas, () => retractVote(doc, a, anna, origin))).toEqual([])
  })

  it("refuses someone else's dots, and any change while voting is closed", () => {
    const doc = board()
    castVote(doc, a, { participant: bram, side: 1, budget: 2 }, origin)
    expect(
      check(doc, annas, () => castVote(doc, b, { participant: bram, side: 1, budget: 9 }, origin)),
    ).toEqual([`${bram}/b`])
    expect(check(doc, annas, () => retractVote(doc, a, bram, origin))).toEqual([`${bram}/a`])
    // under her own key, in his name
    expect(
      check(doc, annas, () =>
        votesOf(doc).set(`${anna}/c`, { noteId: c, participant: bram, side: 0, count: 1 }),
      ),
    ).toEqual([`${anna}/c`])
    const closed = { ...annas, open: false }
    expect(
      check(doc, closed, () => castVote(doc, a, { participant: anna, side: 0, budget: 2 }, origin)),
    ).toEqual([`${anna}/a`])
    expect(
      check(doc, annas, () => castVote(doc, a, { participant: anna, side: 0, budget: 2 }, origin)),
    ).toEqual([])
    expect(check(doc, closed, () => retractVote(doc, a, anna, origin))).toEqual([`${anna}/a`])
    expect(
      check(doc, { ...annas, participant: null }, () =>
        castVote(doc, c, { participant: anna, side: 0, budget: 2 }, origin),
      ),
    ).toEqual([`${anna}/c`])
  })

  it('refuses dots past the budget, on a note that is not there, with the wrong side or the wrong shape', () => {
    const doc = board()
    castVote(doc, a, { participant: anna, side: 0, budget: 2 }, origin)
    castVote(doc, b, { participant: anna, side: 0, budget: 2 }, origin)
    expect(
      check(doc, annas, () => castVote(doc, c, { participant: anna, side: 0, budget: 9 }, origin)),
    ).toEqual([`${anna}/c`])
    // two dots at once, one past the budget: both refused
    expect(
      check(doc, { ...annas, budget: 3 }, () => {
        votesOf(doc).set(`${anna}/c`, { noteId: c, participant: anna, side: 0, count: 2 })
      }),
    ).toEqual([`${anna}/c`])
    // taking a dot back is always allowed, even after the budget was lowered
    expect(check(doc, { ...annas, budget: 1 }, () => retractVote(doc, a, anna, origin))).toEqual([])
    expect(
      check(doc, annas, () =>
        votesOf(doc).set(`${anna}/gone`, { noteId: 'gone', participant: anna, side: 0, count: 1 }),
      ),
    ).toEqual([`${anna}/gone`])
    expect(
      check(doc, annas, () => castVote(doc, a, { participant: anna, side: 1, budget: 9 }, origin)),
    ).toEqual([`${anna}/a`])
    // someone who declared neither side may use either
    expect(
      check(doc, { ...annas, side: null }, () =>
        castVote(doc, a, { participant: anna, side: 1, budget: 9 }, origin),
      ),
    ).toEqual([])
    for (const junk of [
      { noteId: c, participant: anna, side: 0, count: 1.5 },
      { noteId: c, participant: anna, side: 2, count: 1 },
      { noteId: c, participant: anna, side: 0, count: 1, extra: 'x' },
      'a string',
    ])
      expect(
        check(doc, { ...annas, budget: 9 }, () => votesOf(doc).set(`${anna}/c`, junk)),
      ).toEqual([`${anna}/c`])
    expect(
      check(doc, { ...annas, budget: 9 }, () => votesOf(doc).set(`${anna}/c`, new Y.Map())),
    ).toEqual([`${anna}/c`])
  })
})
