import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  metaOf,
  migrateBoard,
  NoteField,
  notesOf,
  readNotes,
  SCHEMA_VERSION,
  schemaVersionOf,
} from './index.js'

/** A board as the walking skeleton wrote it: no schemaVersion, an interest without a side. */
function v1Board() {
  const doc = new Y.Doc()
  const note = new Y.Map<unknown>()
  note.set(NoteField.text, new Y.Text('old'))
  note.set(NoteField.category, 'interest')
  note.set(NoteField.x, 1)
  note.set(NoteField.y, 2)
  note.set(NoteField.author, 'A')
  notesOf(doc).set('n', note)
  return doc
}

describe('migrateBoard', () => {
  it('brings a v1 board to the current version and keeps its notes', () => {
    const doc = v1Board()
    expect(schemaVersionOf(doc)).toBe(1)
    expect(migrateBoard(doc)).toEqual({ from: 1, to: SCHEMA_VERSION, tooNew: false })
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION)
    expect(readNotes(doc)).toMatchObject([{ text: 'old', side: 0, authorSide: null }])
    expect(notesOf(doc).get('n')?.get(NoteField.side)).toBe(0)
  })

  it('writes nothing on a current board, and leaves a newer board alone', () => {
    const doc = v1Board()
    migrateBoard(doc)
    let writes = 0
    doc.on('update', () => writes++)
    migrateBoard(doc)
    expect(writes).toBe(0)
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    expect(migrateBoard(doc).tooNew).toBe(true)
  })

  it('converges when two peers migrate the same board at once', () => {
    const d1 = v1Board()
    const d2 = new Y.Doc()
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1))
    migrateBoard(d1)
    migrateBoard(d2)
    Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2))
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1))
    expect(readNotes(d1)).toEqual(readNotes(d2))
    expect(schemaVersionOf(d1)).toBe(SCHEMA_VERSION)
  })
})
