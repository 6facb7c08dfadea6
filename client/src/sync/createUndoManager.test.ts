import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  asParticipantId,
  castVote,
  deleteNotes,
  editNoteText,
  linkNotes,
  placeNote,
  readBoard,
  readNotes,
  userOrigin,
} from '@sparboard/board-model'
import { createUndoManager } from './createUndoManager.js'

const anna = userOrigin('anna')
const bram = userOrigin('bram')
const n1 = asNoteId('n1')
const n2 = asNoteId('n2')
const add = (doc: Y.Doc, id: ReturnType<typeof asNoteId>, origin = anna) =>
  addNote(doc, id, { category: 'friction', x: 0, y: 0, author: 'A' }, origin)

describe('createUndoManager', () => {
  it('undoes quick actions one at a time, but a burst of typing as one step', () => {
    const doc = new Y.Doc()
    const undo = createUndoManager(doc, anna)
    add(doc, n1)
    add(doc, n2)
    editNoteText(doc, n1, '', 'a', anna)
    editNoteText(doc, n1, 'a', 'ab', anna)
    editNoteText(doc, n1, 'ab', 'abc', anna)
    placeNote(doc, n2, { x: 50, y: 50 }, anna)
    castVote(doc, n1, { participant: asParticipantId('p'), side: 0, budget: 5 }, anna)

    undo.undo()
    expect(readBoard(doc).votes).toEqual([])
    undo.undo()
    expect(readNotes(doc).find((n) => n.id === n2)?.x).toBe(0)
    undo.undo()
    expect(readNotes(doc).find((n) => n.id === n1)?.text).toBe('')
    undo.undo()
    expect(readNotes(doc).map((n) => n.id)).toEqual([n1])
  })

  it('[G1] undoes a link of mine as one step, and a note deleted with its links comes back with them', () => {
    const doc = new Y.Doc()
    const undo = createUndoManager(doc, anna)
    const sol = asNoteId('sol')
    addNote(doc, sol, { category: 'solution', x: 0, y: 800, author: 'A' }, bram)
    addNote(doc, n1, { category: 'interest', side: 0, x: 0, y: 0, author: 'A' }, bram)
    linkNotes(doc, sol, n1, 'Anna', anna)
    expect(readBoard(doc).links).toHaveLength(1)
    undo.undo()
    expect(readBoard(doc).links).toEqual([])
    undo.redo()
    deleteNotes(doc, [n1], anna)
    expect(readBoard(doc).links).toEqual([])
    undo.undo()
    expect(readBoard(doc).links).toEqual([{ from: sol, to: n1, author: 'Anna' }])
  })

  it("never reverts someone else's work, even on the same note", () => {
    const doc = new Y.Doc()
    const undo = createUndoManager(doc, anna)
    add(doc, n1)
    add(doc, n2, bram)
    editNoteText(doc, n1, '', 'Bram was here', bram)
    placeNote(doc, n1, { x: 99, y: 0 }, anna)
    undo.undo()
    undo.undo()
    expect(readNotes(doc)).toMatchObject([{ id: n2 }])
    undo.redo()
    expect(readNotes(doc).map((n) => n.id)).toEqual([n1, n2])
    expect(readNotes(doc)[0]!.text).toBe('Bram was here')
  })
})
