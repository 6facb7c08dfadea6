import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addAgreement,
  addNote,
  asAgreementId,
  asClusterId,
  asNoteId,
  asParticipantId,
  castVote,
  type Category,
  deleteNotes,
  editNoteText,
  groupNotes,
  migrateBoard,
  notesOf,
  placeNote,
  readBoard,
  serverOrigin,
  userOrigin,
} from '@sparboard/board-model'
import { rewriteBoard } from './rewriteBoard.js'

const anna = userOrigin('Anna')
const id = asNoteId
const voter = { participant: asParticipantId('p-anna'), side: 0 as const, budget: 5 }

function note(doc: Y.Doc, noteId: string, text: string, category: Category = 'friction') {
  addNote(doc, id(noteId), { category, x: 100, y: 100, text, author: 'Anna' }, anna)
}

/** A board then, and what people did to it since. */
function boardWithHistory() {
  const doc = new Y.Doc()
  migrateBoard(doc)
  note(doc, 'kept', 'Delivery dates slip')
  note(doc, 'edited', 'Stock is low')
  note(doc, 'deleted', 'Nobody owns the plan')
  note(doc, 'solution', 'Weekly planning call', 'solution')
  castVote(doc, id('kept'), voter, anna)
  groupNotes(doc, asClusterId('c1'), [id('kept'), id('edited')], 'Planning', anna)
  const then = new Y.Doc()
  Y.applyUpdate(then, Y.encodeStateAsUpdate(doc))

  editNoteText(doc, id('edited'), 'Stock is low', 'Stock is far too low', anna)
  deleteNotes(doc, [id('deleted')], anna)
  placeNote(doc, id('kept'), { category: 'solution', x: 400, y: 700 }, anna)
  note(doc, 'added', 'Hire a planner')
  castVote(doc, id('added'), voter, anna)
  addAgreement(
    doc,
    asAgreementId('a1'),
    {
      text: 'Plan weekly',
      owner: 'Bram',
      due: '2026-12-01',
      author: 'Anna',
      createdAt: 1,
      solutionIds: [id('solution')],
      goals: { 0: 'supports' },
    },
    anna,
  )
  return { doc, then }
}

describe('rewriteBoard', () => {
  it('makes the board equal to the version in one update, keeping the ids and objects that stayed', () => {
    const { doc, then } = boardWithHistory()
    const keptNote = notesOf(doc).get('kept')
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    rewriteBoard(doc, then, serverOrigin)
    expect(updates).toHaveLength(1)
    expect(readBoard(doc)).toEqual(readBoard(then))
    expect(doc.toJSON()).toEqual(then.toJSON())
    expect(notesOf(doc).get('kept')).toBe(keptNote)
    // a second rewrite to the same version writes nothing
    rewriteBoard(doc, then, serverOrigin)
    expect(updates).toHaveLength(1)
  })

  it('reaches a peer as one update, and an edit a peer made meanwhile merges on top', () => {
    const { doc, then } = boardWithHistory()
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    // concurrently: the peer types in a note the restore leaves as it was then
    editNoteText(peer, id('solution'), 'Weekly planning call', 'Weekly planning call!', anna)
    const restore: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => restore.push(u))
    rewriteBoard(doc, then, serverOrigin)
    Y.applyUpdate(peer, restore[0]!)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer))
    const expected = readBoard(then).notes.map((n) =>
      n.id === 'solution' ? { ...n, text: 'Weekly planning call!' } : n,
    )
    expect(readBoard(peer).notes).toEqual(expected)
    expect(readBoard(doc)).toEqual(readBoard(peer))
  })

  it('rewrites a board whose state holds updates still waiting for what they build on', () => {
    const { doc, then } = boardWithHistory()
    // Another client's second edit without its first: Yjs keeps it pending, invisible.
    const stranger = new Y.Doc()
    Y.applyUpdate(stranger, Y.encodeStateAsUpdate(doc))
    const lost: Uint8Array[] = []
    stranger.on('update', (u: Uint8Array) => lost.push(u))
    note(stranger, 'first', 'never arrived')
    note(stranger, 'second', 'waits for the first')
    Y.applyUpdate(doc, lost[1]!)
    expect(doc.store.pendingStructs).not.toBeNull()
    const stored = new Y.Doc()
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(doc))
    rewriteBoard(stored, then, serverOrigin)
    expect(readBoard(stored)).toEqual(readBoard(then))
  })

  it('brings back a deleted board to an empty one and an empty version empties it', () => {
    const { doc, then } = boardWithHistory()
    const empty = new Y.Doc()
    rewriteBoard(doc, empty, serverOrigin)
    expect(readBoard(doc).notes).toEqual([])
    expect(readBoard(doc).votes).toEqual([])
    rewriteBoard(doc, then, serverOrigin)
    expect(readBoard(doc)).toEqual(readBoard(then))
  })
})
