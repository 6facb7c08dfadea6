import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  addNotes,
  asNoteId,
  copyNotes,
  NoteLimits,
  notesOf,
  readNotes,
  serverOrigin,
  userOrigin,
} from './index.js'

const anna = userOrigin('anna')

const privateDoc = () => {
  const doc = new Y.Doc()
  addNote(
    doc,
    asNoteId('i1'),
    {
      category: 'interest',
      side: 1,
      authorSide: 0,
      x: 10,
      y: 20,
      text: 'Levertijd',
      author: 'Anna',
    },
    anna,
  )
  addNote(
    doc,
    asNoteId('f1'),
    { category: 'friction', x: 900, y: 300, text: 'Spoed', author: 'Anna' },
    anna,
  )
  return doc
}

describe('copyNotes', () => {
  it('writes the same notes, ids and fields alike, in one transaction', () => {
    const from = privateDoc()
    const to = new Y.Doc()
    const updates: Uint8Array[] = []
    to.on('update', (u: Uint8Array) => updates.push(u))
    expect(copyNotes(readNotes(from), to, serverOrigin).sort()).toEqual(['f1', 'i1'])
    expect(readNotes(to)).toEqual(readNotes(from))
    expect(updates).toHaveLength(1)
  })

  it('never doubles a note or rewrites one the doc already holds', () => {
    const from = privateDoc()
    const to = new Y.Doc()
    copyNotes(readNotes(from), to, serverOrigin)
    const text = notesOf(to).get('i1')!.get('text') as Y.Text
    text.insert(text.length, '!')
    const updates: Uint8Array[] = []
    to.on('update', (u: Uint8Array) => updates.push(u))
    expect(copyNotes(readNotes(from), to, serverOrigin).sort()).toEqual(['f1', 'i1'])
    expect(updates).toEqual([])
    expect(readNotes(to).map((n) => n.text)).toEqual(['Spoed', 'Levertijd!'])
  })

  it('leaves out a note the model refuses and does not report it as copied', () => {
    const from = privateDoc()
    // A scripted author can write what the board model would never write.
    notesOf(from)
      .get('f1')!
      .set('author', 'x'.repeat(NoteLimits.maxAuthorLength + 1))
    const to = new Y.Doc()
    expect(copyNotes(readNotes(from), to, serverOrigin)).toEqual(['i1'])
    expect(readNotes(to).map((n) => n.id)).toEqual(['i1'])
  })

  it('copies more notes than one batch holds, still as one update', () => {
    const from = new Y.Doc()
    const many = Array.from({ length: NoteLimits.maxBatch + 20 }, (_, i) => ({
      id: asNoteId(`n${String(i).padStart(4, '0')}`),
      category: 'solution' as const,
      x: i,
      y: 0,
      author: 'Bram',
    }))
    for (let i = 0; i < many.length; i += NoteLimits.maxBatch)
      addNotes(from, many.slice(i, i + NoteLimits.maxBatch), anna)
    const to = new Y.Doc()
    const updates: Uint8Array[] = []
    to.on('update', (u: Uint8Array) => updates.push(u))
    expect(copyNotes(readNotes(from), to, serverOrigin)).toHaveLength(many.length)
    expect(readNotes(to)).toHaveLength(many.length)
    expect(updates).toHaveLength(1)
  })
})
