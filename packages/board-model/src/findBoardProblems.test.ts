import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, asNoteId, findBoardProblems, NoteField, notesOf, userOrigin } from './index.js'

describe('findBoardProblems', () => {
  it('finds notes a broken or hostile peer wrote around the model, and nothing on a good board', () => {
    const doc = new Y.Doc()
    addNote(doc, asNoteId('ok'), { category: 'friction', x: 1, y: 2, author: 'A' }, userOrigin('a'))
    expect(findBoardProblems(doc)).toEqual([])
    const evil = new Y.Map<unknown>()
    evil.set(NoteField.text, new Y.Text('x'.repeat(1_000_000)))
    evil.set(NoteField.category, 'gossip')
    evil.set(NoteField.x, Number.NaN)
    evil.set(NoteField.y, 0)
    notesOf(doc).set('evil', evil)
    expect(findBoardProblems(doc).map((p) => p.field)).toEqual(['category', 'x', 'text'])
  })
})
