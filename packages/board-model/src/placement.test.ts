import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  addNoteAt,
  addNoteInZone,
  asNoteId,
  duplicateNotes,
  freeSpot,
  moveNotes,
  NOTE_SIZE,
  NoteLimits,
  notesOf,
  placementAt,
  readNotes,
  userOrigin,
  zoneFor,
  type NoteSnapshot,
} from './index.js'

const anna = userOrigin('anna')
const friction = zoneFor('friction', null)
const sales = zoneFor('interest', 0)
const ops = zoneFor('interest', 1)

/** Notes as a board holds them, each named by its text. */
function notes(...at: readonly [string, number, number][]): readonly NoteSnapshot[] {
  const doc = new Y.Doc()
  for (const [id, x, y] of at)
    addNote(doc, asNoteId(id), { category: 'friction', x, y, text: id, author: 'A' }, anna)
  return readNotes(doc)
}

const ids = () => {
  let n = 0
  return () => `c${n++}`
}

describe('where notes land', () => {
  it('takes the category and side of the zone under the note centre, else the nearest zone', () => {
    expect(placementAt(sales.x + 10, sales.y + 10)).toMatchObject({ category: 'interest', side: 0 })
    expect(placementAt(ops.x + 10, ops.y + 10)).toMatchObject({ category: 'interest', side: 1 })
    const farBelow = placementAt(300, 50_000)
    expect(farBelow).toMatchObject({ category: 'solution', x: 300, y: 50_000 })
    expect(farBelow).not.toHaveProperty('side')
    expect(placementAt(0, 1e9).y).toBe(NoteLimits.maxCoordinate)
  })

  it('puts a note added to a zone in the first free slot of it', () => {
    const first = freeSpot(friction, [])
    expect(first.x).toBeGreaterThanOrEqual(friction.x)
    const second = freeSpot(friction, [first])
    expect(second).not.toEqual(first)
    expect(second.x + NOTE_SIZE.width).toBeLessThanOrEqual(friction.x + friction.width)
  })
})

describe('adding notes where they are asked for', () => {
  it('adds a note at a point in the category of the zone it lands in', () => {
    const doc = new Y.Doc()
    addNoteAt(doc, asNoteId('n'), { x: ops.x + 20, y: ops.y + 20 }, { author: 'Anna' }, anna)
    expect(readNotes(doc)[0]).toMatchObject({ category: 'interest', side: 1, author: 'Anna' })
  })

  it('adds notes one after another to a zone, each in a free slot of what the document holds', () => {
    const doc = new Y.Doc()
    const who = { author: 'Anna', authorSide: 0 } as const
    addNoteInZone(doc, asNoteId('a'), sales, { ...who, text: 'one' }, anna)
    addNoteInZone(doc, asNoteId('b'), sales, { ...who, text: 'two' }, anna)
    const [a, b] = readNotes(doc)
    expect(a).toMatchObject({ category: 'interest', side: 0, text: 'one', authorSide: 0 })
    expect(b).toMatchObject({ category: 'interest', side: 0, text: 'two' })
    expect(freeSpot(sales, [])).toEqual({ x: a!.x, y: a!.y })
    expect({ x: b!.x, y: b!.y }).toEqual(freeSpot(sales, [a!]))
  })
})

describe('moving notes', () => {
  it('moves notes from where the document has them into the zone they land in, one undo step', () => {
    const doc = new Y.Doc()
    const undo = new Y.UndoManager(notesOf(doc), { trackedOrigins: new Set([anna]) })
    const at = { x: sales.x + 20, y: sales.y + 100 }
    addNote(doc, asNoteId('a'), { category: 'interest', side: 0, ...at, author: 'A' }, anna)
    addNote(doc, asNoteId('b'), { category: 'interest', side: 0, ...at, author: 'A' }, anna)
    undo.stopCapturing()
    const by = { dx: friction.x - sales.x, dy: 0 }
    expect(moveNotes(doc, [asNoteId('a'), asNoteId('b'), asNoteId('gone')], by, anna)).toBe(2)
    expect(readNotes(doc).map((n) => [n.category, n.side, n.x])).toEqual([
      ['friction', null, friction.x + 20],
      ['friction', null, friction.x + 20],
    ])
    undo.undo()
    expect(readNotes(doc).map((n) => [n.category, n.side, n.x])).toEqual([
      ['interest', 0, at.x],
      ['interest', 0, at.x],
    ])
  })

  it('keeps a note pushed past the edge of the board on it', () => {
    const doc = new Y.Doc()
    addNote(doc, asNoteId('a'), { category: 'friction', x: 0, y: 0, author: 'A' }, anna)
    moveNotes(doc, [asNoteId('a')], { dx: 0, dy: 10 * NoteLimits.maxCoordinate }, anna)
    expect(readNotes(doc)[0]!.y).toBe(NoteLimits.maxCoordinate)
  })
})

describe('duplicating notes', () => {
  it('writes copies with new ids, by me, shifted, as one undo step, even of deleted notes', () => {
    const doc = new Y.Doc()
    const undo = new Y.UndoManager(notesOf(doc), { trackedOrigins: new Set([anna]) })
    const options = { dx: 24, dy: 24, author: 'Bram', authorSide: 1, newId: ids() } as const
    const source = notes(['a', 10, 20], ['b', 99_990, 0])
    const made = duplicateNotes(doc, source, options, anna)
    expect(made).toEqual(['c0', 'c1'])
    expect(readNotes(doc).map((c) => [c.id, c.x, c.y, c.author, c.authorSide, c.text])).toEqual([
      ['c0', 34, 44, 'Bram', 1, 'a'],
      ['c1', 100_000, 24, 'Bram', 1, 'b'],
    ])
    undo.undo()
    expect(readNotes(doc)).toEqual([])
  })

  it('copies at most one batch of notes at a time', () => {
    const doc = new Y.Doc()
    const many = notes(
      ...Array.from(
        { length: NoteLimits.maxBatch + 3 },
        (_, i) => [`n${i}`, i, 0] as [string, number, number],
      ),
    )
    const options = { dx: 0, dy: 0, author: 'A', newId: ids() }
    expect(duplicateNotes(doc, many, options, anna)).toHaveLength(NoteLimits.maxBatch)
    expect(duplicateNotes(doc, [], options, anna)).toEqual([])
  })
})
