import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  addNoteAt,
  belowLabels,
  LABEL_CLEARANCE,
  moveNotes,
  asClusterId,
  asNoteId,
  asParticipantId,
  boardZones,
  castVote,
  duplicateNotes,
  freeSpot,
  gatherLayout,
  groupNotes,
  NOTE_SIZE,
  notesOf,
  readNotes,
  settleNotes,
  tidyNotes,
  userOrigin,
  ZONES,
  zoneFor,
  zoneGrid,
  type NoteSnapshot,
} from './index.js'

const anna = userOrigin('anna')
const friction = zoneFor('friction', null)
const sales = zoneFor('interest', 0)
const solutions = zoneFor('solution', null)

type Box = { readonly x: number; readonly y: number }
const overlap = (a: Box, b: Box) =>
  a.x < b.x + NOTE_SIZE.width &&
  b.x < a.x + NOTE_SIZE.width &&
  a.y < b.y + NOTE_SIZE.height &&
  b.y < a.y + NOTE_SIZE.height
/** Pairs of notes that cover each other, by id. */
const overlapping = (notes: readonly (Box & { id: string })[]) =>
  notes.flatMap((a, i) => notes.slice(i + 1).flatMap((b) => (overlap(a, b) ? [[a.id, b.id]] : [])))
const within = (zone: { x: number; y: number; width: number; height: number }, n: Box) =>
  n.x >= zone.x &&
  n.y >= zone.y &&
  n.x + NOTE_SIZE.width <= zone.x + zone.width &&
  n.y + NOTE_SIZE.height <= zone.y + zone.height

function board(...at: readonly [string, number, number][]) {
  const doc = new Y.Doc()
  for (const [id, x, y] of at) addNote(doc, asNoteId(id), { ...placement(x, y), author: 'A' }, anna)
  return doc
}
const placement = (x: number, y: number) => ({ category: 'friction' as const, x, y, text: '' })
const counter = () => {
  let n = 0
  return () => `n${String(n++).padStart(3, '0')}`
}

describe('[L1] a new note never lands on another one', () => {
  it('keeps the asked-for spot when it is free and inside the zone, below its label', () => {
    const at = { x: friction.x + 300, y: friction.y + 300 }
    expect(freeSpot(friction, [], at)).toEqual(at)
    // Straddling the border of two zones, or on the label: onto the zone's grid instead.
    const border = freeSpot(friction, [], { x: friction.x - 100, y: 300 })
    expect(within(friction, border)).toBe(true)
    expect(freeSpot(friction, [], { x: friction.x + 20, y: friction.y })).toEqual(
      zoneGrid(friction).slot(0, 0),
    )
  })

  it('takes the free grid slot nearest to an occupied spot', () => {
    const grid = zoneGrid(friction)
    const taken = grid.slot(1, 1)
    const next = freeSpot(friction, [taken], taken)
    expect(overlap(next, taken)).toBe(false)
    // A neighbour of the taken slot, not the zone's first slot.
    expect(Math.hypot(next.x - taken.x, next.y - taken.y)).toBeLessThanOrEqual(
      NOTE_SIZE.height + 20,
    )
  })

  it('never covers a note off the grid either', () => {
    const odd = { x: friction.x + 37, y: friction.y + 133 }
    const placed: Box[] = [odd]
    for (let i = 0; i < 12; i++) placed.push(freeSpot(friction, placed, odd))
    expect(overlapping(placed.map((p, i) => ({ ...p, id: String(i) })))).toEqual([])
  })

  it('grows a full zone: the top row upward under its label, the solutions downward', () => {
    const placed: Box[] = []
    for (let i = 0; i < 20; i++) placed.push(freeSpot(friction, placed))
    expect(overlapping(placed.map((p, i) => ({ ...p, id: String(i) })))).toEqual([])
    // Every note keeps to the zone's columns and never reaches the solutions below it.
    for (const p of placed) {
      expect(p.x).toBeGreaterThanOrEqual(friction.x)
      expect(p.x + NOTE_SIZE.width).toBeLessThanOrEqual(friction.x + friction.width)
      expect(p.y + NOTE_SIZE.height).toBeLessThanOrEqual(friction.y + friction.height)
    }
    const grown = boardZones(placed.map((p) => ({ ...p, category: 'friction', side: null })))
    const frictionNow = grown[ZONES.indexOf(friction)]!
    expect(frictionNow.y).toBeLessThan(friction.y)
    for (const p of placed) expect(within(frictionNow, p)).toBe(true)
    // The other zones stay as the template has them.
    expect(grown[ZONES.indexOf(sales)]).toBe(sales)

    const below: Box[] = []
    for (let i = 0; i < 40; i++) below.push(freeSpot(solutions, below))
    expect(overlapping(below.map((p, i) => ({ ...p, id: String(i) })))).toEqual([])
    expect(Math.max(...below.map((p) => p.y))).toBeGreaterThan(solutions.y + solutions.height)
    expect(Math.min(...below.map((p) => p.y))).toBeGreaterThanOrEqual(solutions.y)
  })

  it('gives 50 notes added at one point 50 spots, none covering another', () => {
    const doc = new Y.Doc()
    const centre = { x: friction.x + 150, y: friction.y + 200 }
    for (let i = 0; i < 50; i++) addNoteAt(doc, asNoteId(`n${i}`), centre, { author: 'A' }, anna)
    const notes = readNotes(doc)
    expect(notes).toHaveLength(50)
    expect(overlapping(notes)).toEqual([])
    expect(new Set(notes.map((n) => n.category))).toEqual(new Set(['friction']))
  })

  it('puts a note double-clicked between two zones in one of them, not across the border', () => {
    const doc = new Y.Doc()
    const border = { x: friction.x - NOTE_SIZE.width / 2, y: 300 }
    addNoteAt(doc, asNoteId('a'), border, { author: 'A' }, anna)
    const [a] = readNotes(doc)
    expect(within(zoneFor(a!.category, a!.side), a!)).toBe(true)
  })
})

describe('[L2] copies and revealed notes take free spots', () => {
  it('duplicates and pastes onto free spots, however often', () => {
    const doc = board(['a', friction.x + 20, friction.y + 80])
    const options = { dx: 24, dy: 24, author: 'A', newId: counter() }
    for (let i = 0; i < 4; i++) duplicateNotes(doc, readNotes(doc).slice(0, 1), options, anna)
    expect(readNotes(doc)).toHaveLength(5)
    expect(overlapping(readNotes(doc))).toEqual([])
  })

  it('settles five people x four notes written on the same spots without one covering another', () => {
    const existing = readNotes(board(['x', friction.x + 20, friction.y + 80]))
    const incoming = Array.from({ length: 20 }, (_, i) => ({
      id: asNoteId(`p${i}`),
      x: friction.x + 20 + (i % 2) * 220,
      y: friction.y + 80 + (Math.floor(i / 5) % 3) * 170,
    }))
    const settled = settleNotes(incoming, existing, () => friction)
    expect(overlapping([...existing, ...settled])).toEqual([])
    // The first note whose own spot is free keeps it.
    expect(settled[1]).toEqual(incoming[1])
  })

  it('leaves a note the board already holds where it is (a reveal run twice)', () => {
    const existing = readNotes(board(['x', friction.x + 20, friction.y + 80]))
    const again = [{ id: asNoteId('x'), x: 5, y: 5 }]
    expect(settleNotes(again, existing, () => friction)).toEqual(again)
  })
})

describe('[L4] tidying a zone or the board', () => {
  it('arranges a messy zone in its grid, clusters together, one undo step', () => {
    const doc = board(
      ['a', friction.x + 5, friction.y + 300],
      ['b', friction.x + 15, friction.y + 310],
      ['c', friction.x + 300, friction.y + 90],
      ['d', friction.x + 310, friction.y + 400],
      ['e', friction.x + 200, friction.y + 200],
    )
    groupNotes(doc, asClusterId('k1'), [asNoteId('b'), asNoteId('d')], 'Capacity', anna)
    const before = readNotes(doc)
    const undo = new Y.UndoManager(notesOf(doc), { trackedOrigins: new Set([anna]) })
    const other = new Y.UndoManager(notesOf(doc), { trackedOrigins: new Set([userOrigin('bram')]) })
    expect(tidyNotes(doc, [friction], 'cluster', anna)).toBe(5)
    const after = new Map(readNotes(doc).map((n) => [n.id, n]))
    expect(overlapping([...after.values()])).toEqual([])
    const grid = zoneGrid(friction)
    // The cluster first, in reading order, then the rest.
    expect(after.get(asNoteId('b'))).toMatchObject(grid.slot(0, 0))
    expect(after.get(asNoteId('d'))).toMatchObject(grid.slot(1, 0))
    // The loose notes start a row of their own, with room for the cluster's name above them.
    expect(after.get(asNoteId('c'))!.y).toBeGreaterThan(grid.slot(0, 1).y)
    expect(after.get(asNoteId('c'))!.x).toBe(grid.slot(0, 0).x)
    expect(other.undoStack).toHaveLength(0)
    undo.undo()
    expect(readNotes(doc)).toEqual(before)
  })

  it('sorts by votes, most first, and groups by the side of the author', () => {
    const doc = new Y.Doc()
    const at = (i: number) => ({ ...placement(friction.x + 20 + i * 7, friction.y + 80 + i * 40) })
    addNote(doc, asNoteId('a'), { ...at(0), author: 'A', authorSide: 1 }, anna)
    addNote(doc, asNoteId('b'), { ...at(1), author: 'B', authorSide: 0 }, anna)
    addNote(doc, asNoteId('c'), { ...at(2), author: 'C', authorSide: 1 }, anna)
    const voter = { participant: asParticipantId('p'), side: 0, budget: 5 } as const
    castVote(doc, asNoteId('c'), voter, anna)
    castVote(doc, asNoteId('c'), voter, anna)
    castVote(doc, asNoteId('b'), voter, anna)
    const grid = zoneGrid(friction)
    tidyNotes(doc, [friction], 'votes', anna)
    const byVotes = new Map(readNotes(doc).map((n) => [n.id, n]))
    expect(byVotes.get(asNoteId('c'))).toMatchObject(grid.slot(0, 0))
    expect(byVotes.get(asNoteId('b'))).toMatchObject(grid.slot(1, 0))
    expect(byVotes.get(asNoteId('a'))).toMatchObject(grid.slot(0, 1))
    tidyNotes(doc, [friction], 'side', anna)
    const bySide = new Map(readNotes(doc).map((n) => [n.id, n]))
    expect(bySide.get(asNoteId('b'))).toMatchObject(grid.slot(0, 0))
    // Side 1 starts its own row.
    expect(bySide.get(asNoteId('a'))!.y).toBeGreaterThan(grid.slot(0, 1).y)
    expect(bySide.get(asNoteId('a'))!.y).toBe(bySide.get(asNoteId('c'))!.y)
  })

  it('tidies the whole board, each note staying in its zone, a full zone growing upward', () => {
    const doc = new Y.Doc()
    for (let i = 0; i < 30; i++)
      addNote(doc, asNoteId(`f${i}`), { ...placement(friction.x + 20, 80), author: 'A' }, anna)
    for (let i = 0; i < 9; i++) {
      const at = { x: solutions.x + 40, y: solutions.y + 100, author: 'A' }
      addNote(doc, asNoteId(`s${i}`), { category: 'solution', ...at }, anna)
    }
    expect(tidyNotes(doc, ZONES, 'cluster', anna)).toBeGreaterThan(30)
    const notes = readNotes(doc)
    expect(overlapping(notes)).toEqual([])
    const zones = boardZones(notes)
    for (const n of notes) {
      const zone = zones[ZONES.indexOf(zoneFor(n.category, n.side))]!
      expect(within(zone, n)).toBe(true)
    }
    // Nothing of the friction zone comes near the solutions.
    expect(Math.max(...notes.filter((n) => n.category === 'friction').map((n) => n.y))).toBe(
      zoneGrid(friction).slot(0, zoneGrid(friction).rows - 1).y,
    )
    expect(tidyNotes(doc, ZONES, 'cluster', anna)).toBe(0)
  })
})

describe('[L5] making a cluster pulls its notes together', () => {
  it('gathers the notes around the first one, never onto a note outside the cluster', () => {
    const grid = zoneGrid(friction)
    const doc = board(
      ['a', grid.slot(0, 0).x, grid.slot(0, 0).y],
      ['x', grid.slot(1, 0).x, grid.slot(1, 0).y],
      ['b', grid.slot(1, 2).x, grid.slot(1, 2).y],
      ['c', friction.x + 380, friction.y + 500],
    )
    const undo = new Y.UndoManager([notesOf(doc), doc.getMap('clusters')], {
      trackedOrigins: new Set([anna]),
    })
    const ids = ['a', 'b', 'c'].map(asNoteId)
    groupNotes(doc, asClusterId('k'), ids, 'Capacity', anna, { gather: true })
    const after = new Map(readNotes(doc).map((n) => [n.id, n]))
    expect(after.get(asNoteId('a'))).toMatchObject(grid.slot(0, 0))
    expect(after.get(asNoteId('x'))).toMatchObject(grid.slot(1, 0))
    expect(after.get(asNoteId('b'))).toMatchObject(grid.slot(0, 1))
    expect(after.get(asNoteId('c'))).toMatchObject(grid.slot(1, 1))
    undo.undo()
    expect(readNotes(doc).find((n) => n.id === 'c')).toMatchObject({ y: friction.y + 500 })
    expect(doc.getMap('clusters').size).toBe(0)
  })

  it('gathers per zone when the cluster spans zones', () => {
    const notes: NoteSnapshot[] = [
      { ...note('a', 'friction', friction.x + 300, friction.y + 400) },
      { ...note('b', 'friction', friction.x + 20, friction.y + 80) },
      { ...note('s', 'solution', solutions.x + 900, solutions.y + 200) },
    ]
    const moves = new Map(gatherLayout(notes, []).map((m) => [m.id, m]))
    expect(moves.get(asNoteId('b'))).toMatchObject({ x: friction.x + 20, y: friction.y + 80 })
    expect(within(friction, moves.get(asNoteId('a'))!)).toBe(true)
    expect(moves.get(asNoteId('s'))).toMatchObject({ x: solutions.x + 900, y: solutions.y + 200 })
  })
})

describe('[L6] a cluster name is never covered by a dropped note', () => {
  const label = { x: friction.x + 20, y: 300, width: 160, height: 32 }

  it('moves a note dropped on a name below it, and below the next name it would cover', () => {
    expect(belowLabels(friction.x + 40, 280, [label])).toBe(300 + 32 + LABEL_CLEARANCE)
    const next = { ...label, y: 300 + 32 + LABEL_CLEARANCE + 100 }
    expect(belowLabels(friction.x + 40, 280, [label, next])).toBe(next.y + 32 + LABEL_CLEARANCE)
    expect(belowLabels(friction.x + 300, 280, [label])).toBe(280)
  })

  it('does so on a drop, in the same step as the move', () => {
    const doc = board(['a', friction.x + 300, friction.y + 400])
    moveNotes(doc, [asNoteId('a')], { dx: -260, dy: -150 }, anna, [label])
    expect(readNotes(doc)[0]).toMatchObject({ x: friction.x + 40, y: 300 + 32 + LABEL_CLEARANCE })
  })
})

function note(id: string, category: 'friction' | 'solution', x: number, y: number): NoteSnapshot {
  return { id: asNoteId(id), text: '', category, side: null, x, y, author: 'A', authorSide: null }
}
