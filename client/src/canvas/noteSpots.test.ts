import { describe, expect, it } from 'vitest'
import { NOTE_SIZE } from '@sparboard/board-model'
import { spotAt } from './noteSpots.js'

const note = { x: 1000, y: 500 }
const both = { votes: true, agreement: true }
// the pill's middle, left of the marker, and the marker's middle
const pill = { x: note.x + NOTE_SIZE.width - 28 - 26, y: note.y + NOTE_SIZE.height - 18 }
const marker = { x: note.x + NOTE_SIZE.width - 19, y: note.y + NOTE_SIZE.height - 16 }

describe('spotAt', () => {
  it('finds the vote pill and, right of it, the agreement marker at the bottom right', () => {
    expect(spotAt(note, pill.x, pill.y, both)).toBe('votes')
    expect(spotAt(note, marker.x, marker.y, both)).toBe('agreement')
    expect(spotAt(note, note.x + 20, note.y + 20, both)).toBeNull()
  })

  it('finds the pill in the corner when the note carries no marker', () => {
    const shows = { votes: true, agreement: false }
    expect(spotAt(note, note.x + NOTE_SIZE.width - 28, note.y + NOTE_SIZE.height - 18, shows)).toBe(
      'votes',
    )
  })

  it('finds the pill at the bottom of a note drawn taller for its whole text', () => {
    const shows = { votes: true, agreement: false }
    const bottom = note.y + 300 - 18
    expect(spotAt(note, note.x + NOTE_SIZE.width - 28, bottom, shows, 300)).toBe('votes')
    expect(spotAt(note, note.x + NOTE_SIZE.width - 28, pill.y, shows, 300)).toBeNull()
  })

  it('counts only the spots the note shows', () => {
    const none = { votes: false, agreement: false }
    expect(spotAt(note, pill.x, pill.y, none)).toBeNull()
    expect(spotAt(note, marker.x, marker.y, none)).toBeNull()
  })
})
