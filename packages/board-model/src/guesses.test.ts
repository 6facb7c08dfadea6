import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote } from './addNote.js'
import { deleteNotes } from './deleteNotes.js'
import { placeFallbacks, readFallbacks } from './fallbacks.js'
import {
  addGuess,
  copyGuesses,
  deleteGuesses,
  findGuessProblems,
  GuessField,
  guessesOf,
  matchGuess,
  readGuesses,
  swapOutcome,
} from './guesses.js'
import { asNoteId } from './ids.js'
import { serverOrigin, userOrigin } from './origins.js'
import { readBoard } from './readBoard.js'
import { notesOf } from './schema.js'

const me = userOrigin('Anna')

/** A board with Sales' (side 0) stated interests and a friction point. */
function board() {
  const doc = new Y.Doc()
  const note = (id: string, text: string, side: 0 | 1 | null) =>
    addNote(
      doc,
      asNoteId(id),
      side === null
        ? { category: 'friction', x: 700, y: 100, text, author: 'Bram' }
        : { category: 'interest', side, x: 50, y: 100, text, author: 'Anna', authorSide: side },
      me,
    )
  note('speed', 'Fast delivery for key customers', 0)
  note('margin', 'Keep the margin', 0)
  note('promise', 'Dates we can promise', 0)
  note('full', 'Full trucks', 1)
  note('rush', 'Rush orders break the plan', null)
  return doc
}

const guess = (doc: Y.Doc, id: string, text: string, side: 0 | 1, at: number) =>
  addGuess(
    doc,
    id,
    { text, side, authorSide: side === 0 ? 1 : 0, author: 'Bram', createdAt: at },
    me,
  )

describe('[SW1] perspective swap guesses', () => {
  it('reads guesses oldest first, with no match until the group links one', () => {
    const doc = board()
    guess(doc, 'g2', 'They want it yesterday', 0, 2)
    guess(doc, 'g1', 'Bonus on revenue', 0, 1)
    expect(readGuesses(doc).map((g) => [g.id, g.text, g.side, g.authorSide, g.match])).toEqual([
      ['g1', 'Bonus on revenue', 0, 1, null],
      ['g2', 'They want it yesterday', 0, 1, null],
    ])
  })

  it('refuses a side guessing its own interests and text past the note limit', () => {
    const doc = new Y.Doc()
    expect(() =>
      addGuess(doc, 'g', { text: 'x', side: 0, authorSide: 0, author: 'A', createdAt: 1 }, me),
    ).toThrow(/other side/)
    expect(() =>
      addGuess(
        doc,
        'g',
        { text: 'x'.repeat(2001), side: 0, authorSide: 1, author: 'A', createdAt: 1 },
        me,
      ),
    ).toThrow(/too long/)
    expect(readGuesses(doc)).toEqual([])
  })

  it('links a guess only to a stated interest of the side it guesses', () => {
    const doc = board()
    guess(doc, 'g', 'They want it yesterday', 0, 1)
    expect(matchGuess(doc, 'g', asNoteId('full'), me)).toBe(false) // Operations' interest
    expect(matchGuess(doc, 'g', asNoteId('rush'), me)).toBe(false) // a friction point
    expect(matchGuess(doc, 'nope', asNoteId('speed'), me)).toBe(false)
    expect(matchGuess(doc, 'g', asNoteId('speed'), me)).toBe(true)
    expect(readGuesses(doc)[0]!.match).toBe('speed')
    // the interest goes: the link links nothing
    deleteNotes(doc, [asNoteId('speed')], me)
    expect(readGuesses(doc)[0]!.match).toBeNull()
  })

  it('finds what the server refuses: a match to anything but an interest of the guessed side', () => {
    const doc = board()
    guess(doc, 'g', 'They want it yesterday', 0, 1)
    const entry = guessesOf(doc).get('g')!
    expect(findGuessProblems('g', entry, notesOf(doc))).toEqual([])
    entry.set(GuessField.match, 'full')
    expect(findGuessProblems('g', entry, notesOf(doc)).map((p) => p.field)).toEqual(['match'])
    entry.set(GuessField.match, 'speed')
    entry.set(GuessField.authorSide, 0)
    expect(findGuessProblems('g', entry, notesOf(doc)).map((p) => p.field)).toEqual(['authorSide'])
    expect(findGuessProblems('x', 'not a map')).toHaveLength(1)
  })

  it('copies guesses once: a second copy doubles nothing, and the move deletes only what arrived', () => {
    const room = new Y.Doc()
    guess(room, 'g1', 'Bonus on revenue', 0, 1)
    guess(room, 'g2', 'Full trucks', 1, 2)
    const target = board()
    const arrived = copyGuesses(readGuesses(room), target, serverOrigin)
    expect(arrived).toEqual(['g1', 'g2'])
    expect(copyGuesses(readGuesses(room), target, serverOrigin)).toEqual(['g1', 'g2'])
    expect(readGuesses(target)).toHaveLength(2)
    expect(deleteGuesses(room, arrived, serverOrigin)).toBe(2)
    expect(readGuesses(room)).toEqual([])
    expect(readBoard(target).guesses.map((g) => g.text)).toEqual([
      'Bonus on revenue',
      'Full trucks',
    ])
  })

  it('tells matched, wrong and missed apart per side: the lesson of the case', () => {
    const doc = board()
    guess(doc, 'hit', 'They want it yesterday', 0, 1)
    guess(doc, 'hit2', 'Speed, always', 0, 2)
    guess(doc, 'wrong', 'Bonus on revenue', 0, 3)
    guess(doc, 'ops', 'Full trucks', 1, 4)
    matchGuess(doc, 'hit', asNoteId('speed'), me)
    matchGuess(doc, 'hit2', asNoteId('speed'), me)
    matchGuess(doc, 'ops', asNoteId('full'), me)
    const { notes, guesses } = readBoard(doc)
    const sales = swapOutcome(notes, guesses, 0)
    expect(sales.matched.map((g) => g.id)).toEqual(['hit', 'hit2'])
    expect(sales.wrong.map((g) => g.id)).toEqual(['wrong'])
    expect(sales.missed.map((n) => n.id).sort()).toEqual(['margin', 'promise'])
    expect(sales.stated.find((s) => s.note.id === 'speed')!.guesses).toHaveLength(2)
    const ops = swapOutcome(notes, guesses, 1)
    expect([ops.matched.length, ops.wrong.length, ops.missed.length]).toEqual([1, 0, 0])
  })
})

describe('[FB1] revealed "if we don\'t agree" cards', () => {
  it('are on the board per side once placed; placing again changes nothing', () => {
    const doc = new Y.Doc()
    expect(readFallbacks(doc)).toEqual([])
    placeFallbacks(doc, [{ side: 1, text: 'We plan without the rush order' }], 5, serverOrigin)
    const once = Y.encodeStateAsUpdate(doc)
    placeFallbacks(doc, [{ side: 1, text: 'something else' }], 9, serverOrigin)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(once)
    // a side that wrote none shows an empty card: it had none
    expect(readFallbacks(doc)).toEqual([
      { side: 0, text: '', revealedAt: 5 },
      { side: 1, text: 'We plan without the rush order', revealedAt: 5 },
    ])
    expect(readBoard(doc).fallbacks).toHaveLength(2)
  })
})
