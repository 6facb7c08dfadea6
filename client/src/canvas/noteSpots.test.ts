import { describe, expect, it } from 'vitest'
import { NOTE_SIZE } from '@sparboard/board-model'
import { spotAt } from './noteSpots.js'

const note = { x: 1000, y: 500 }
const both = { votes: true, agreement: true }

describe('spotAt', () => {
  it('finds the vote badge top right and the agreement marker bottom right', () => {
    expect(spotAt(note, note.x + NOTE_SIZE.width - 22, note.y + 22, both)).toBe('votes')
    expect(spotAt(note, note.x + NOTE_SIZE.width - 18, note.y + NOTE_SIZE.height - 16, both)).toBe(
      'agreement',
    )
    expect(spotAt(note, note.x + 20, note.y + 20, both)).toBeNull()
  })

  it('counts only the spots the note shows', () => {
    const none = { votes: false, agreement: false }
    expect(spotAt(note, note.x + NOTE_SIZE.width - 22, note.y + 22, none)).toBeNull()
    expect(
      spotAt(note, note.x + NOTE_SIZE.width - 18, note.y + NOTE_SIZE.height - 16, none),
    ).toBeNull()
  })
})
