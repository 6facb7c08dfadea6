import { describe, expect, it } from 'vitest'
import { NOTE_SIZE, ZONES, asNoteId, type NoteSnapshot } from '@sparboard/board-model'
import { clusterFrameRect } from './clusterFrame.js'

const note = (id: string, x: number, y: number) =>
  ({ id: asNoteId(id), x, y }) as unknown as NoteSnapshot

describe('clusterFrameRect', () => {
  it('writes the name under the notes, clear of the label of the zone they sit at the top of', () => {
    const solutions = ZONES[3]!
    // the first free spots of the zone, where new notes go (80 below its top)
    const members = [
      note('a', solutions.x + 40, solutions.y + 80),
      note('b', solutions.x + 280, solutions.y + 80),
    ]
    const frame = clusterFrameRect(members)!
    // the zone's label is written 20 below its top in a 30 px font
    expect(frame.y).toBeGreaterThanOrEqual(solutions.y + 20 + 30)
    expect(frame.nameBand.y).toBeGreaterThanOrEqual(solutions.y + 80 + NOTE_SIZE.height)
    expect(frame.nameBand.y + frame.nameBand.height).toBe(frame.y + frame.height)
    expect(frame.x + frame.width).toBeGreaterThan(solutions.x + 280 + NOTE_SIZE.width)
  })

  it('draws nothing for a cluster whose notes are all gone', () => {
    expect(clusterFrameRect([])).toBeNull()
  })
})
