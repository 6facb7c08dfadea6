import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  asClusterId,
  asNoteId,
  clusterByNote,
  deleteNotes,
  groupNotes,
  readClusters,
  renameCluster,
  ungroupCluster,
  ungroupNotes,
  userOrigin,
} from './index.js'

const origin = userOrigin('anna')
const [a, b, c] = ['a', 'b', 'c'].map(asNoteId) as [
  ReturnType<typeof asNoteId>,
  ReturnType<typeof asNoteId>,
  ReturnType<typeof asNoteId>,
]
const k1 = asClusterId('k1')
const k2 = asClusterId('k2')

function board() {
  const doc = new Y.Doc()
  for (const id of [a, b, c])
    addNote(doc, id, { category: 'friction', x: 0, y: 0, author: 'A' }, origin)
  return doc
}

describe('clusters', () => {
  it('groups notes under a name and renames the group', () => {
    const doc = board()
    groupNotes(doc, k1, [b, a], 'Capaciteit', origin)
    renameCluster(doc, k1, 'Capacity', origin)
    expect(readClusters(doc)).toEqual([{ id: k1, name: 'Capacity', noteIds: [a, b] }])
  })

  it('finds the one cluster of each note, even when two people put it in two at once', () => {
    const doc = board()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    groupNotes(doc, k1, [a, b], 'One', origin)
    groupNotes(other, k2, [b, c], 'Two', userOrigin('bram'))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    const byNote = clusterByNote(readClusters(doc))
    expect([a, b, c].map((n) => byNote.get(n)?.name)).toEqual(['One', 'One', 'Two'])
  })

  it('moves a note out of its old cluster and drops a cluster that is left empty', () => {
    const doc = board()
    groupNotes(doc, k1, [a], 'one', origin)
    groupNotes(doc, k2, [a, c], 'two', origin)
    expect(readClusters(doc)).toEqual([{ id: k2, name: 'two', noteIds: [a, c] }])
    ungroupNotes(doc, [a], origin)
    expect(readClusters(doc)[0]?.noteIds).toEqual([c])
    ungroupCluster(doc, k2, origin)
    expect(readClusters(doc)).toEqual([])
  })

  it('hides deleted notes and refuses an overlong name', () => {
    const doc = board()
    groupNotes(doc, k1, [a, b], 'x', origin)
    deleteNotes(doc, [a, b], origin)
    expect(readClusters(doc)).toEqual([])
    expect(() => groupNotes(doc, k2, [c], 'x'.repeat(500), origin)).toThrow(/cluster name/)
  })

  it('lists a note grouped twice at once in one cluster on every peer, either order', () => {
    for (const swap of [false, true]) {
      const d1 = board()
      const d2 = new Y.Doc()
      Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1))
      groupNotes(d1, k2, [a, b], 'mine', origin)
      groupNotes(d2, k1, [a], 'theirs', userOrigin('bram'))
      const [x, y] = swap ? [d2, d1] : [d1, d2]
      Y.applyUpdate(y, Y.encodeStateAsUpdate(x))
      Y.applyUpdate(x, Y.encodeStateAsUpdate(y))
      expect(readClusters(d1)).toEqual([
        { id: k1, name: 'theirs', noteIds: [a] },
        { id: k2, name: 'mine', noteIds: [b] },
      ])
      expect(readClusters(d2)).toEqual(readClusters(d1))
    }
  })
})
