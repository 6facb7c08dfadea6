import { describe, expect, it } from 'vitest'
import {
  asClusterId,
  asNoteId,
  NOTE_SIZE,
  ZONES,
  type ClusterSnapshot,
  type NoteSnapshot,
  type Rect,
} from '@sparboard/board-model'
import { clusterFrames } from './clusterFrame.js'

const note = (id: string, x: number, y: number) =>
  ({ id: asNoteId(id), x, y }) as unknown as NoteSnapshot
const cluster = (...ids: string[]) =>
  ({ id: asClusterId('c'), name: 'Spoed', noteIds: ids.map(asNoteId) }) as ClusterSnapshot
// 12 px a character
const measure = (text: string) => text.length * 12

/** The loops of an outline, its rounded corners taken at their corner points. */
function loops(outline: string): [number, number][][] {
  return outline
    .split('Z')
    .filter(Boolean)
    .map((loop) =>
      [...loop.matchAll(/[LQ](-?[\d.]+) (-?[\d.]+)/g)].map((m): [number, number] => [
        Number(m[1]),
        Number(m[2]),
      ]),
    )
    .map((points) => points.filter((_, i) => i % 2 === 1))
}

/** Even-odd: inside the outline. */
function inside(outline: string, x: number, y: number): boolean {
  let odd = false
  for (const loop of loops(outline)) {
    loop.forEach(([x1, y1], i) => {
      const [x2, y2] = loop[(i + 1) % loop.length]!
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) odd = !odd
    })
  }
  return odd
}
const corners = (n: NoteSnapshot): [number, number][] => [
  [n.x + 1, n.y + 1],
  [n.x + NOTE_SIZE.width - 1, n.y + 1],
  [n.x + 1, n.y + NOTE_SIZE.height - 1],
  [n.x + NOTE_SIZE.width - 1, n.y + NOTE_SIZE.height - 1],
]
const overlaps = (a: Rect, n: NoteSnapshot) =>
  a.x < n.x + NOTE_SIZE.width &&
  n.x < a.x + a.width &&
  a.y < n.y + NOTE_SIZE.height &&
  n.y < a.y + a.height

describe('clusterFrames', () => {
  it('holds only its own notes: a note between two of them stays outside the frame', () => {
    const a = note('a', 0, 200)
    const b = note('b', 240, 200)
    const c = note('c', 480, 200)
    const d = note('d', 0, 390)
    const [frame] = clusterFrames([cluster('a', 'c', 'd')], [a, b, c, d], measure)
    for (const n of [a, c, d])
      for (const [x, y] of corners(n)) expect(inside(frame!.outline, x, y)).toBe(true)
    for (const [x, y] of corners(b)) expect(inside(frame!.outline, x, y)).toBe(false)
  })

  it('writes the name under the notes, clear of the label of the zone they sit at the top of', () => {
    const solutions = ZONES[3]!
    // the first free spots of the zone, where new notes go (80 below its top)
    const notes = [
      note('a', solutions.x + 40, solutions.y + 80),
      note('b', solutions.x + 280, solutions.y + 80),
    ]
    const [frame] = clusterFrames([cluster('a', 'b')], notes, measure)
    expect(frame!.label.y).toBeGreaterThanOrEqual(solutions.y + 80 + NOTE_SIZE.height)
    expect(frame!.labelOnTop).toBe(false)
    expect(frame!.bounds.y + frame!.bounds.height).toBeGreaterThanOrEqual(
      frame!.label.y + frame!.label.height,
    )
  })

  it('puts the name where no note covers it: above the notes when others sit right under them', () => {
    const a = note('a', 0, 300)
    const under = [note('u1', 0, 460), note('u2', 120, 460)]
    const [frame] = clusterFrames([cluster('a')], [a, ...under], measure)
    expect(frame!.labelOnTop).toBe(false)
    expect(frame!.label.y + frame!.label.height).toBeLessThanOrEqual(300)
    for (const n of [a, ...under]) expect(overlaps(frame!.label, n)).toBe(false)
  })

  it('draws the name over the notes, on its own ground, when no spot is free', () => {
    const a = note('a', 0, 300)
    const around = [note('u', 0, 460), note('o', 0, 140), note('l', -210, 300), note('r', 210, 300)]
    const [frame] = clusterFrames([cluster('a')], [a, ...around], measure)
    expect(frame!.labelOnTop).toBe(true)
  })

  it('draws nothing for a cluster whose notes are all gone', () => {
    expect(clusterFrames([cluster('gone')], [note('a', 0, 0)], measure)).toEqual([])
  })
})
