import { describe, expect, it } from 'vitest'
import {
  asClusterId,
  asNoteId,
  NOTE_SIZE,
  zoneFor,
  type NoteSnapshot,
} from '@sparboard/board-model'
import { clusterFrames } from './clusterFrames.js'
import { copyNotes } from './clipboardNotes.js'
import { freeSpot } from './freeSpot.js'
import { placementAt } from './zoneForDrop.js'

const note = (id: string, x: number, y: number): NoteSnapshot =>
  Object.freeze({
    id: asNoteId(id),
    text: id,
    category: 'friction',
    side: null,
    x,
    y,
    author: 'A',
    authorSide: 0,
  })

describe('where notes land', () => {
  it('takes the category and side of the zone under the note centre, else the nearest zone', () => {
    const sales = zoneFor('interest', 0)
    const ops = zoneFor('interest', 1)
    expect(placementAt(sales.x + 10, sales.y + 10)).toMatchObject({ category: 'interest', side: 0 })
    expect(placementAt(ops.x + 10, ops.y + 10)).toMatchObject({ category: 'interest', side: 1 })
    const farBelow = placementAt(300, 50_000)
    expect(farBelow).toMatchObject({ category: 'solution', x: 300, y: 50_000 })
    expect(farBelow).not.toHaveProperty('side')
  })

  it('puts a note added from the outline in the first free slot of its zone', () => {
    const zone = zoneFor('friction', null)
    const first = freeSpot(zone, [])
    expect(first.x).toBeGreaterThanOrEqual(zone.x)
    const second = freeSpot(zone, [note('a', first.x, first.y)])
    expect(second).not.toEqual(first)
    expect(second.x + NOTE_SIZE.width).toBeLessThanOrEqual(zone.x + zone.width)
  })

  it('cascades notes in a full zone instead of stacking them on one spot', () => {
    const zone = zoneFor('friction', null)
    const placed: NoteSnapshot[] = []
    for (let i = 0; i < 14; i++) {
      const spot = freeSpot(zone, placed)
      placed.push(note(`n${i}`, spot.x, spot.y))
    }
    const spots = new Set(placed.map((n) => `${n.x},${n.y}`))
    expect(spots.size).toBe(14)
    for (const n of placed) {
      expect(n.x + NOTE_SIZE.width).toBeLessThanOrEqual(zone.x + zone.width)
      expect(n.y + NOTE_SIZE.height).toBeLessThanOrEqual(zone.y + zone.height)
    }
  })

  it('pastes copies with new ids, by me, shifted, and keeps them on the board', () => {
    let n = 0
    const copies = copyNotes(
      [note('a', 10, 20), note('b', 99_990, 0)],
      24,
      24,
      'Bram',
      1,
      () => `c${n++}`,
    )
    expect(copies.map((c) => [c.id, c.x, c.y, c.author, c.authorSide, c.text])).toEqual([
      ['c0', 34, 44, 'Bram', 1, 'a'],
      ['c1', 100_000, 24, 'Bram', 1, 'b'],
    ])
  })

  it('frames a cluster around its notes with its name under them, skipping deleted notes', () => {
    const notes = new Map([note('a', 0, 0), note('b', 400, 300)].map((x) => [x.id, x]))
    const [frame, ...rest] = clusterFrames(
      [
        { id: asClusterId('k'), name: 'Capacity', noteIds: [asNoteId('a'), asNoteId('b')] },
        { id: asClusterId('gone'), name: 'x', noteIds: [asNoteId('zz')] },
      ],
      notes,
    )
    expect(rest).toEqual([])
    expect(frame!.x).toBeLessThan(0)
    expect(frame!.x + frame!.width).toBeGreaterThan(400 + NOTE_SIZE.width)
    // the name goes in a band under the notes, where no member note is
    expect(frame!.y).toBeLessThan(0)
    expect(frame!.label.y).toBeGreaterThanOrEqual(300 + NOTE_SIZE.height)
    expect(frame!.label.y + frame!.label.height).toBe(frame!.y + frame!.height)
  })
})
