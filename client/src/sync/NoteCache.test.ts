import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  deleteNotes,
  editNoteText,
  notesOf,
  placeNote,
  readNotes,
  userOrigin,
} from '@sparboard/board-model'
import { NoteCache } from './NoteCache.js'

describe('NoteCache', () => {
  it('lists exactly what readNotes lists after every random change, local or remote', () => {
    let seed = 11
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const doc = new Y.Doc()
    const remote = new Y.Doc()
    doc.on(
      'update',
      (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(remote, u, 'net'),
    )
    remote.on(
      'update',
      (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(doc, u, 'net'),
    )
    const cache = new NoteCache(doc)
    notesOf(doc).observeDeep((events) => cache.note(events))
    for (let step = 0; step < 400; step++) {
      const target = rnd() < 0.5 ? doc : remote
      const origin = userOrigin('x')
      const notes = readNotes(target)
      const pick = notes[Math.floor(rnd() * notes.length)]
      const r = rnd()
      if (r < 0.3 || !pick)
        addNote(
          target,
          asNoteId(`n${step}`),
          { category: 'friction', x: step, y: 0, author: 'a' },
          origin,
        )
      else if (r < 0.6) editNoteText(target, pick.id, pick.text, pick.text + 'z', origin)
      else if (r < 0.85) placeNote(target, pick.id, { x: rnd() * 900, y: 5 }, origin)
      else deleteNotes(target, [pick.id], origin)
      if (rnd() < 0.5) expect(cache.read()).toEqual(readNotes(doc))
    }
    expect(cache.read()).toEqual(readNotes(doc))
  })

  it('keeps the same array while nothing changed, and every other note object when one did', () => {
    const doc = new Y.Doc()
    const cache = new NoteCache(doc)
    notesOf(doc).observeDeep((events) => cache.note(events))
    const o = userOrigin('x')
    addNote(doc, asNoteId('a'), { category: 'friction', x: 0, y: 0, author: 'a' }, o)
    addNote(doc, asNoteId('b'), { category: 'friction', x: 0, y: 0, author: 'a' }, o)
    const first = cache.read()
    expect(cache.read()).toBe(first)
    editNoteText(doc, asNoteId('a'), '', 'hi', o)
    const second = cache.read()
    expect(second[0]!.text).toBe('hi')
    expect(second[1]).toBe(first[1])
  })

  it('tells a read in which notes came or went from one that only changed a note', () => {
    const doc = new Y.Doc()
    const cache = new NoteCache(doc)
    notesOf(doc).observeDeep((events) => cache.note(events))
    const o = userOrigin('x')
    addNote(doc, asNoteId('a'), { category: 'friction', x: 0, y: 0, author: 'a' }, o)
    cache.read()
    const added = cache.membership
    editNoteText(doc, asNoteId('a'), '', 'hi', o)
    placeNote(doc, asNoteId('a'), { x: 10, y: 0 }, o)
    cache.read()
    expect(cache.membership).toBe(added)
    deleteNotes(doc, [asNoteId('a')], o)
    cache.read()
    expect(cache.membership).toBe(added + 1)
  })
})
