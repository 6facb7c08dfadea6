import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  answerPosition,
  asNoteId,
  copyLinks,
  copyNotes,
  asParticipantId,
  deleteNotes,
  doubleMajorityMet,
  findBoardProblems,
  findLinkProblem,
  isOneSided,
  linkKey,
  linkNotes,
  linksOf,
  markPosition,
  moveNotes,
  NoteLimits,
  oneSidedFor,
  placeVotes,
  positionsWithInterests,
  readBoard,
  servedSides,
  sideSupport,
  unlinkNotes,
  userOrigin,
} from './index.js'

const origin = userOrigin('anna')
const sol = asNoteId('sol')
const sales = asNoteId('sales')
const ops = asNoteId('ops')
const friction = asNoteId('fr')

function board() {
  const doc = new Y.Doc()
  addNote(doc, sol, { category: 'solution', x: 40, y: 800, author: 'Anna' }, origin)
  addNote(doc, sales, { category: 'interest', side: 0, x: 20, y: 100, author: 'Anna' }, origin)
  addNote(doc, ops, { category: 'interest', side: 1, x: 1300, y: 100, author: 'Bram' }, origin)
  addNote(doc, friction, { category: 'friction', x: 700, y: 100, author: 'Bram' }, origin)
  return doc
}

const served = (doc: Y.Doc) => {
  const b = readBoard(doc)
  return servedSides(b.links, new Map(b.notes.map((n) => [n.id, n]))).get(sol)
}

describe('links: both sides must gain', () => {
  it('links a solution to the interests it serves; one-sided until both sides are served', () => {
    const doc = board()
    expect(served(doc)).toBeUndefined()
    expect(isOneSided(served(doc))).toBe(false)
    expect(linkNotes(doc, sol, sales, 'Anna', origin)).toBe('ok')
    expect(served(doc)).toEqual([1, 0])
    expect(isOneSided(served(doc))).toBe(true)
    expect(oneSidedFor(served(doc))).toBe(0)
    expect(linkNotes(doc, sol, ops, 'Anna', origin)).toBe('ok')
    expect(served(doc)).toEqual([1, 1])
    expect(isOneSided(served(doc))).toBe(false)
    expect(readBoard(doc).links).toEqual([
      { from: sol, to: ops, author: 'Anna' },
      { from: sol, to: sales, author: 'Anna' },
    ])
    expect(findBoardProblems(doc)).toEqual([])
  })

  it('refuses links of the wrong kinds or to notes that are not there, writing nothing', () => {
    const doc = board()
    expect(linkNotes(doc, sales, sol, 'Anna', origin)).toBe('wrong-kind')
    expect(linkNotes(doc, sol, friction, 'Anna', origin)).toBe('wrong-kind')
    expect(linkNotes(doc, sol, sol, 'Anna', origin)).toBe('wrong-kind')
    expect(linkNotes(doc, sol, asNoteId('gone'), 'Anna', origin)).toBe('no-note')
    expect(linksOf(doc).size).toBe(0)
  })

  it(`holds at most ${NoteLimits.maxLinksPerNote} links per note`, () => {
    const doc = board()
    for (let i = 0; i < NoteLimits.maxLinksPerNote + 1; i++)
      addNote(
        doc,
        asNoteId(`i${i}`),
        { category: 'interest', side: 0, x: 0, y: 0, author: 'A' },
        origin,
      )
    for (let i = 0; i < NoteLimits.maxLinksPerNote; i++)
      expect(linkNotes(doc, sol, asNoteId(`i${i}`), 'A', origin)).toBe('ok')
    expect(linkNotes(doc, sol, asNoteId(`i${NoteLimits.maxLinksPerNote}`), 'A', origin)).toBe(
      'limit',
    )
    // Linking a pair again is no new link.
    expect(linkNotes(doc, sol, asNoteId('i0'), 'A', origin)).toBe('ok')
  })

  it('names what is wrong with a stored link: shape, key, ends', () => {
    const doc = board()
    expect(findLinkProblem(doc, linkKey(sol, sales), { from: sol, to: sales, author: 'A' })).toBe(
      null,
    )
    expect(findLinkProblem(doc, 'x', { from: sol, to: sales, author: 'A' })).toMatch(/key/)
    expect(findLinkProblem(doc, linkKey(sol, sales), 'yes')).toMatch(/from, to, author/)
    expect(
      findLinkProblem(doc, linkKey(sales, ops), { from: sales, to: ops, author: 'A' }),
    ).toMatch(/solution or position/)
    expect(findLinkProblem(doc, linkKey(sol, 'no'), { from: sol, to: 'no', author: 'A' })).toMatch(
      /both ends/,
    )
  })

  it('takes a note’s links with it when it is deleted, and unlinks one by one', () => {
    const doc = board()
    linkNotes(doc, sol, sales, 'A', origin)
    linkNotes(doc, sol, ops, 'A', origin)
    deleteNotes(doc, [sales], origin)
    expect([...linksOf(doc).keys()]).toEqual([linkKey(sol, ops)])
    expect(unlinkNotes(doc, sol, ops, origin)).toBe(true)
    expect(unlinkNotes(doc, sol, ops, origin)).toBe(false)
    expect(readBoard(doc).links).toEqual([])
  })

  it('leaves out (not deletes) a link whose solution moved out of the solutions', () => {
    const doc = board()
    linkNotes(doc, sol, sales, 'A', origin)
    moveNotes(doc, [sol], { dx: 660, dy: -700 }, origin)
    expect(readBoard(doc).links).toEqual([])
    moveNotes(doc, [sol], { dx: -660, dy: 700 }, origin)
    expect(readBoard(doc).links).toHaveLength(1)
  })
})

describe('double majority', () => {
  const votes = (doc: Y.Doc, list: [string, 0 | 1, number][]) =>
    placeVotes(
      doc,
      list.map(([participant, side, count]) => ({ noteId: sol, participant, side, count })),
      origin,
    )

  it('counts dots per side: a solution backed by one side only does not pass', () => {
    const doc = board()
    votes(doc, [
      ['p1', 0, 3],
      ['p2', 0, 2],
    ])
    const rule = { min: 2, unit: 'votes' } as const
    expect(sideSupport(readBoard(doc).votes, sol, rule)).toEqual([
      { count: 5, met: true },
      { count: 0, met: false },
    ])
    expect(doubleMajorityMet(readBoard(doc).votes, sol, rule)).toBe(false)
    votes(doc, [['p3', 1, 2]])
    expect(doubleMajorityMet(readBoard(doc).votes, sol, rule)).toBe(true)
    expect(doubleMajorityMet(readBoard(doc).votes, sol, null)).toBe(true)
  })

  it('counts people per side in percent: the share of the side’s voters on the board', () => {
    const doc = board()
    addNote(doc, asNoteId('other'), { category: 'solution', x: 0, y: 800, author: 'A' }, origin)
    votes(doc, [
      ['p1', 0, 1],
      ['p3', 1, 1],
    ])
    placeVotes(
      doc,
      [
        { noteId: 'other', participant: 'p2', side: 0, count: 1 },
        { noteId: 'other', participant: 'p4', side: 1, count: 1 },
        { noteId: 'other', participant: 'p5', side: 1, count: 1 },
      ],
      origin,
    )
    const rule = { min: 50, unit: 'percent' } as const
    // Side 0: p1 of p1, p2 (50 %); side 1: p3 of p3, p4, p5 (33 %).
    expect(sideSupport(readBoard(doc).votes, sol, rule)).toEqual([
      { count: 50, met: true },
      { count: 33, met: false },
    ])
    expect(sideSupport([], sol, rule)).toEqual([
      { count: 0, met: false },
      { count: 0, met: false },
    ])
    expect(asParticipantId('p1')).toBe('p1')
  })
})

describe('positions become interests', () => {
  it('answers a position’s why with an interest of its side, linked beneath it, in one step', () => {
    const doc = board()
    expect(markPosition(doc, sol, true, origin)).toBe(false)
    expect(markPosition(doc, sales, true, origin)).toBe(true)
    const why = asNoteId('why')
    const undo = new Y.UndoManager([doc.getMap('notes'), linksOf(doc)], {
      trackedOrigins: new Set([origin]),
    })
    expect(
      answerPosition(
        doc,
        sales,
        why,
        { text: 'Customers leave after a week', author: 'Anna' },
        origin,
      ),
    ).toBe(why)
    const b = readBoard(doc)
    const note = b.notes.find((n) => n.id === why)!
    expect(note).toMatchObject({
      category: 'interest',
      side: 0,
      text: 'Customers leave after a week',
    })
    expect(positionsWithInterests(b.notes, b.links)).toEqual([
      { position: b.notes.find((n) => n.id === sales), interests: [note] },
    ])
    // A position is not an interest a solution serves.
    expect(linkNotes(doc, sol, sales, 'A', origin)).toBe('wrong-kind')
    expect(answerPosition(doc, ops, asNoteId('x'), { text: '', author: 'A' }, origin)).toBe(null)
    undo.undo()
    expect(readBoard(doc).notes.some((n) => n.id === why)).toBe(false)
    expect(linksOf(doc).size).toBe(0)
    expect(markPosition(doc, sales, false, origin)).toBe(true)
    expect(readBoard(doc).notes.find((n) => n.id === sales)!.position).toBeUndefined()
  })

  it('finds a position flag that is not true a problem', () => {
    const doc = board()
    doc.getMap<Y.Map<unknown>>('notes').get(sales)!.set('position', 'yes')
    expect(findBoardProblems(doc)).toEqual([
      { noteId: sales, field: 'position', message: 'position is true or absent' },
    ])
  })
})

describe('copying notes and links to another board', () => {
  it('[G3] carries the position mark, and links whose ends are there', () => {
    const from = board()
    markPosition(from, sales, true, origin)
    linkNotes(from, sol, ops, 'Anna', origin)
    const to = new Y.Doc()
    const b = readBoard(from)
    copyNotes(b.notes, to, origin)
    expect(copyLinks(b.links, to, origin)).toBe(1)
    expect(copyLinks(b.links, to, origin)).toBe(0)
    expect(readBoard(to).notes.find((n) => n.id === sales)?.position).toBe(true)
    expect(readBoard(to).links).toEqual(b.links)
    const none = new Y.Doc()
    expect(copyLinks(b.links, none, origin)).toBe(0)
  })
})
