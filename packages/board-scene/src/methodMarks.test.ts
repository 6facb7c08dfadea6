import Konva from 'konva'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  linkNotes,
  markPosition,
  placeVotes,
  readBoard,
  userOrigin,
} from '@sparboard/board-model'
import { buildBoardScene } from './buildBoardScene.js'
import { linkScene, methodTags, noteTagShapes } from './methodMarks.js'
import type { ScenePath, SceneText } from './sceneShapes.js'

// Node has no canvas here: 10 px a character, at every size.
beforeAll(() => {
  const context = { font: '', measureText: (t: string) => ({ width: [...t].length * 10 }) }
  Konva.Util.createCanvasElement = () =>
    ({ getContext: () => context }) as unknown as HTMLCanvasElement
})

const origin = userOrigin('t')
const [sol, sales, ops] = ['sol', 'sales', 'ops'].map(asNoteId) as [
  ReturnType<typeof asNoteId>,
  ReturnType<typeof asNoteId>,
  ReturnType<typeof asNoteId>,
]
const labels = {
  oneSided: 'Eenzijdig',
  position: 'Standpunt',
  sides: ['Sales', 'Operations'] as const,
}
const on = {
  bothSidesGain: true,
  positions: true,
  doubleMajority: { min: 1, unit: 'votes' as const },
}

function board() {
  const doc = new Y.Doc()
  addNote(doc, sol, { category: 'solution', x: 0, y: 800, author: 'A' }, origin)
  addNote(doc, sales, { category: 'interest', side: 0, x: 0, y: 100, author: 'A' }, origin)
  addNote(doc, ops, { category: 'interest', side: 1, x: 1300, y: 100, author: 'A' }, origin)
  return doc
}

describe('method marks', () => {
  it('tags a one-sided solution, a position and each side’s support; the tags go when the method is off', () => {
    const doc = board()
    linkNotes(doc, sol, sales, 'A', origin)
    markPosition(doc, ops, true, origin)
    placeVotes(doc, [{ noteId: sol, participant: 'p', side: 0, count: 1 }], origin)
    const tags = methodTags(readBoard(doc), on, labels)
    expect(tags.get(sol)).toEqual([
      { text: 'Eenzijdig', tone: 'warn' },
      { text: 'Sales ✓ Operations ✗', tone: 'warn' },
    ])
    expect(tags.get(ops)).toEqual([{ text: 'Standpunt', tone: 'info' }])
    const off = methodTags(
      readBoard(doc),
      { bothSidesGain: false, positions: false, doubleMajority: null },
      labels,
    )
    expect(off.size).toBe(0)
  })

  it('draws a tag as a pill with its text, cut with an ellipsis where the row ends', () => {
    const shapes = noteTagShapes([
      { text: 'Eenzijdig', tone: 'warn' },
      { text: 'x'.repeat(40), tone: 'ok' },
    ])
    const texts = shapes.filter((s): s is SceneText => s.kind === 'text')
    expect(texts[0]!.lines[0]!.text).toBe('Eenzijdig')
    expect(texts[1]!.lines[0]!.text.endsWith('…')).toBe(true)
  })

  it('draws a link from edge to edge of the notes, under the notes, in exports too', () => {
    const doc = board()
    linkNotes(doc, sol, sales, 'A', origin)
    const b = readBoard(doc)
    const group = linkScene(b.links, new Map(b.notes.map((n) => [n.id, n])))
    const line = group.shapes[0] as ScenePath
    // From the solution's top edge (y 800) up to the interest's bottom edge (y 250).
    expect(line.data).toBe('M100 800L100 250')
    const scene = buildBoardScene({ notes: b.notes, zoneLabels: [], links: b.links })
    const at = scene.groups.findIndex(
      (g) =>
        g.shapes.includes(line) || g.shapes.some((s) => s.kind === 'path' && s.data === line.data),
    )
    const firstNote = scene.groups.findIndex((g) => g.note)
    expect(at).toBeGreaterThan(0)
    expect(at).toBeLessThan(firstNote)
  })
})
