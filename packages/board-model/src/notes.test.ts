import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  addNotes,
  asNoteId,
  deleteNotes,
  editNoteText,
  InvalidNoteError,
  notesOf,
  placeNote,
  placeNotes,
  readNotes,
  userOrigin,
  zoneAt,
  zoneFor,
} from './index.js'

const anna = userOrigin('anna')
const id = asNoteId('n1')

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('notes', () => {
  it('adds a note that every reader sees with its fields', () => {
    const doc = new Y.Doc()
    addNote(
      doc,
      id,
      {
        category: 'interest',
        side: 1,
        x: 10,
        y: 20,
        text: 'Levertijd',
        author: 'Anna',
        authorSide: 0,
      },
      anna,
    )
    const [note] = readNotes(doc)
    expect(note).toEqual({
      id,
      text: 'Levertijd',
      category: 'interest',
      side: 1,
      x: 10,
      y: 20,
      author: 'Anna',
      authorSide: 0,
    })
    expect(Object.isFrozen(note)).toBe(true)
    expect(notesOf(doc).get(id)?.get('text')).toBeInstanceOf(Y.Text)
  })

  it.each([
    ['category', { category: 'gossip', x: 0, y: 0, author: 'a' }],
    ['x', { category: 'friction', x: Number.NaN, y: 0, author: 'a' }],
    ['y', { category: 'friction', x: 0, y: Infinity, author: 'a' }],
    ['text', { category: 'friction', x: 0, y: 0, author: 'a', text: 'x'.repeat(1_000_000) }],
    ['side', { category: 'interest', x: 0, y: 0, author: 'a' }],
    ['authorSide', { category: 'friction', x: 0, y: 0, author: 'a', authorSide: 2 }],
  ])('refuses a note with a bad %s and leaves the board as it was', (field, input) => {
    const doc = new Y.Doc()
    expect(() => addNote(doc, id, input as never, anna)).toThrow(InvalidNoteError)
    expect(() => addNote(doc, id, input as never, anna)).toThrow(field)
    expect(readNotes(doc)).toHaveLength(0)
  })

  it('re-categorises a note dropped in another zone', () => {
    const doc = new Y.Doc()
    addNote(doc, id, { category: 'interest', side: 0, x: 10, y: 20, author: 'Anna' }, anna)
    const friction = zoneFor('friction', null)
    const target = zoneAt(friction.x + 5, friction.y + 5)
    placeNote(doc, id, { x: friction.x + 5, y: friction.y + 5, category: target!.category }, anna)
    expect(readNotes(doc)[0]).toMatchObject({ category: 'friction', side: null, x: friction.x + 5 })
  })

  it('keeps a concurrent remote insert when an editor writes its own change', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    addNote(a, id, { category: 'solution', x: 0, y: 0, text: 'weekly meeting', author: 'A' }, anna)
    sync(a, b)
    // b types at the end while a's editor (started from the old text) changes the start.
    editNoteText(b, id, 'weekly meeting', 'weekly meeting with planning', userOrigin('bob'))
    editNoteText(a, id, 'weekly meeting', 'a weekly meeting', anna)
    sync(a, b)
    expect(readNotes(a)[0]!.text).toBe('a weekly meeting with planning')
    expect(readNotes(b)[0]!.text).toBe('a weekly meeting with planning')
  })

  it('deletes several notes as one undo step of their author', () => {
    const doc = new Y.Doc()
    const undo = new Y.UndoManager(notesOf(doc), { trackedOrigins: new Set([anna]) })
    addNote(doc, asNoteId('a'), { category: 'friction', x: 0, y: 0, author: 'A' }, anna)
    addNote(doc, asNoteId('b'), { category: 'friction', x: 0, y: 0, author: 'A' }, anna)
    undo.stopCapturing()
    expect(deleteNotes(doc, [asNoteId('a'), asNoteId('b')], anna)).toBe(2)
    expect(readNotes(doc)).toHaveLength(0)
    undo.undo()
    expect(readNotes(doc).map((n) => n.id)).toEqual(['a', 'b'])
  })
})

describe('several notes at once', () => {
  it('adds and moves a batch as one undo step, and adds nothing when one is invalid', () => {
    const doc = new Y.Doc()
    const undo = new Y.UndoManager(notesOf(doc), { trackedOrigins: new Set([anna]) })
    const a = asNoteId('a')
    const b = asNoteId('b')
    addNotes(
      doc,
      [
        { id: a, category: 'friction', x: 0, y: 0, author: 'A' },
        { id: b, category: 'friction', x: 5, y: 0, author: 'A' },
      ],
      anna,
    )
    undo.stopCapturing()
    expect(() =>
      addNotes(
        doc,
        [
          { id: asNoteId('c'), category: 'friction', x: 0, y: 0, author: 'A' },
          { id: asNoteId('d'), category: 'friction', x: Number.NaN, y: 0, author: 'A' },
        ],
        anna,
      ),
    ).toThrow(InvalidNoteError)
    expect(
      placeNotes(
        doc,
        [
          { id: a, x: 100, y: 100 },
          { id: b, x: 200, y: 100 },
        ],
        anna,
      ),
    ).toBe(2)
    expect(readNotes(doc).map((n) => n.x)).toEqual([100, 200])
    undo.undo()
    expect(readNotes(doc).map((n) => n.x)).toEqual([0, 5])
  })
})
