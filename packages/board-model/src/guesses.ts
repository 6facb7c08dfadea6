import * as Y from 'yjs'
import { isSide, type Side } from './Category.js'
import type { BoardProblem } from './findBoardProblems.js'
import { asNoteId, type NoteId } from './ids.js'
import { NoteLimits } from './limits.js'
import type { BoardOrigin } from './origins.js'
import type { NoteSnapshot } from './readNotes.js'
import { BoardKeys, NoteField, type NoteMap } from './schema.js'
import { InvalidNoteError, type NoteInput } from './validateNote.js'

/**
 * [SW1] Field names inside a guess's Y.Map: what one side believes the other side's interests
 * are, written in the perspective swap.
 */
export const GuessField = {
  // Y.Text: merges by character.
  text: 'text',
  // The side whose interests are guessed (0 | 1).
  side: 'side',
  // The side of who guessed: always the other one.
  authorSide: 'authorSide',
  author: 'author',
  createdAt: 'createdAt',
  // The id of the interest note of `side` this guess matches, or '' (set by the group at reveal).
  match: 'match',
} as const

/** [SW1] The `guesses` map: guess id to a Y.Map of its fields. */
export const guessesOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(BoardKeys.guesses)

/** [SW1] A plain, frozen view of one guess. */
export interface GuessSnapshot {
  readonly id: string
  readonly text: string
  /** The side whose interests it guesses. */
  readonly side: Side
  /** The side that guessed (the other one). */
  readonly authorSide: Side
  readonly author: string
  readonly createdAt: number
  /** The stated interest of `side` it matches, or null (never a note that is not one). */
  readonly match: NoteId | null
}

/** What a guess is made from. */
export interface GuessInput {
  readonly text: string
  readonly side: Side
  readonly authorSide: Side
  readonly author: string
  readonly createdAt: number
}

const fail = (field: keyof NoteInput, message: string): never => {
  throw new InvalidNoteError({ field, message })
}

/** Whether `noteId` names an interest note of `side` in `notes` (a board's notes map). */
function isInterestOf(notes: Y.Map<NoteMap>, noteId: unknown, side: unknown): boolean {
  if (typeof noteId !== 'string') return false
  const note = notes.get(noteId)
  return (
    note instanceof Y.Map &&
    note.get(NoteField.category) === 'interest' &&
    note.get(NoteField.side) === side
  )
}

/**
 * [SW1] The problems of one guess as the model would refuse to write it: text past the note
 * limit, a side or author side that is not 0 or 1, a side guessing its own interests, an author
 * past its limit, and (given the board's notes) a match that is not an interest of the guessed
 * side. The server's content rule checks each guess a write touches ([H26]).
 */
export function findGuessProblems(
  guessId: string,
  guess: unknown,
  notes?: Y.Map<NoteMap>,
): readonly BoardProblem[] {
  const out: BoardProblem[] = []
  const problem = (field: string, message: string) => out.push({ noteId: guessId, field, message })
  if (!(guess instanceof Y.Map)) {
    problem('guess', 'a guess must be a map')
    return out
  }
  const text = guess.get(GuessField.text)
  if (!(text instanceof Y.Text)) problem('text', 'text must be a Y.Text')
  else if (text.length > NoteLimits.maxTextLength) problem('text', 'text is too long')
  const side = guess.get(GuessField.side)
  const authorSide = guess.get(GuessField.authorSide)
  if (!isSide(side)) problem('side', 'side must be 0 or 1')
  if (!isSide(authorSide)) problem('authorSide', 'authorSide must be 0 or 1')
  else if (side === authorSide) problem('authorSide', 'a side guesses the other side')
  const author = guess.get(GuessField.author)
  if (typeof author !== 'string' || author.length > NoteLimits.maxAuthorLength)
    problem('author', 'author must be a short string')
  const createdAt = guess.get(GuessField.createdAt)
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt))
    problem('createdAt', 'createdAt must be a finite number')
  const match = guess.get(GuessField.match)
  if (match !== undefined && match !== '') {
    if (typeof match !== 'string' || match.length > 64) problem('match', 'match must be a note id')
    else if (notes && !isInterestOf(notes, match, side))
      problem('match', 'match must be an interest of the guessed side')
  }
  return out
}

/**
 * [SW1] Writes a guess in one transaction (in the author's private room while writing alone).
 * @example addGuess(doc, newId(), { text: 'Full trucks', side: 1, authorSide: 0, author, createdAt: Date.now() }, origin)
 */
export function addGuess(doc: Y.Doc, id: string, input: GuessInput, origin: BoardOrigin): void {
  if (input.text.length > NoteLimits.maxTextLength) fail('text', 'text is too long')
  if (input.author.length > NoteLimits.maxAuthorLength) fail('author', 'author is too long')
  if (input.side === input.authorSide) fail('authorSide', 'a side guesses the other side')
  doc.transact(() => {
    const g = new Y.Map<unknown>()
    g.set(GuessField.text, new Y.Text(input.text))
    g.set(GuessField.side, input.side)
    g.set(GuessField.authorSide, input.authorSide)
    g.set(GuessField.author, input.author)
    g.set(GuessField.createdAt, input.createdAt)
    g.set(GuessField.match, '')
    guessesOf(doc).set(id, g)
  }, origin)
}

/** [SW1] Removes guesses; returns how many were there. */
export function deleteGuesses(doc: Y.Doc, ids: readonly string[], origin: BoardOrigin): number {
  const map = guessesOf(doc)
  const there = ids.filter((id) => map.has(id))
  if (there.length > 0) doc.transact(() => there.forEach((id) => map.delete(id)), origin)
  return there.length
}

/**
 * [SW1] Links a guess to the stated interest it matches (null unlinks). Refused (false) when the
 * guess is not there or the note is not an interest of the side the guess is about.
 */
export function matchGuess(
  doc: Y.Doc,
  guessId: string,
  interestId: NoteId | null,
  origin: BoardOrigin,
): boolean {
  const guess = guessesOf(doc).get(guessId)
  if (!(guess instanceof Y.Map)) return false
  const notes = doc.getMap<NoteMap>(BoardKeys.notes)
  if (interestId !== null && !isInterestOf(notes, interestId, guess.get(GuessField.side)))
    return false
  doc.transact(() => guess.set(GuessField.match, interestId ?? ''), origin)
  return true
}

function readGuess(id: string, g: Y.Map<unknown>, notes: Y.Map<NoteMap>): GuessSnapshot | null {
  const side = g.get(GuessField.side)
  const authorSide = g.get(GuessField.authorSide)
  if (!isSide(side) || !isSide(authorSide) || side === authorSide) return null
  const text = g.get(GuessField.text)
  const author = g.get(GuessField.author)
  const createdAt = g.get(GuessField.createdAt)
  const match = g.get(GuessField.match)
  return Object.freeze({
    id,
    text: text instanceof Y.Text ? text.toString() : '',
    side,
    authorSide,
    author: typeof author === 'string' ? author : '',
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
    // a link to a note deleted since (or never an interest of that side) links nothing
    match: isInterestOf(notes, match, side) ? asNoteId(match as string) : null,
  })
}

/** [SW1] Every valid guess, oldest first (ties by id) so all peers list them alike. */
export function readGuesses(doc: Y.Doc): readonly GuessSnapshot[] {
  const notes = doc.getMap<NoteMap>(BoardKeys.notes)
  const out: GuessSnapshot[] = []
  guessesOf(doc).forEach((g, id) => {
    if (!(g instanceof Y.Map)) return
    const guess = readGuess(id, g, notes)
    if (guess) out.push(guess)
  })
  out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return Object.freeze(out)
}

/**
 * [SW1] Writes guesses into another doc in one transaction (the reveal's move, [C19]): same id,
 * text, sides, author and time, no match (the group links them on the board). Ids the doc
 * already holds are skipped, so copying twice never doubles one. Returns the ids of `guesses`
 * the doc holds afterwards: those a move may delete from where they came from.
 */
export function copyGuesses(
  guesses: readonly GuessSnapshot[],
  to: Y.Doc,
  origin: BoardOrigin,
): string[] {
  const target = guessesOf(to)
  const fresh = guesses.filter(
    (g, i) =>
      !target.has(g.id) &&
      guesses.findIndex((o) => o.id === g.id) === i &&
      g.text.length <= NoteLimits.maxTextLength &&
      g.author.length <= NoteLimits.maxAuthorLength,
  )
  if (fresh.length > 0)
    to.transact(() => {
      for (const g of fresh) addGuess(to, g.id, g, origin)
    }, origin)
  return guesses.filter((g) => target.has(g.id)).map((g) => g.id)
}

/** [SW1] How one side's interests were guessed by the other: the lesson of the perspective swap. */
export interface SwapOutcome {
  /** The side whose interests these are. */
  readonly side: Side
  /** Each interest the side stated itself, with the other side's guesses that match it. */
  readonly stated: readonly {
    readonly note: NoteSnapshot
    readonly guesses: readonly GuessSnapshot[]
  }[]
  /** Guesses linked to a stated interest. */
  readonly matched: readonly GuessSnapshot[]
  /** Guesses that match none of the stated interests. */
  readonly wrong: readonly GuessSnapshot[]
  /** Stated interests no guess matched. */
  readonly missed: readonly NoteSnapshot[]
}

/**
 * [SW1] The guessed-versus-stated picture of one side: its stated interests (interest notes of
 * that side), the other side's guesses about them, which matched, which were wrong and which
 * interests were missed.
 * @example swapOutcome(board.notes, board.guesses, 0).missed.length
 */
export function swapOutcome(
  notes: readonly NoteSnapshot[],
  guesses: readonly GuessSnapshot[],
  side: Side,
): SwapOutcome {
  const interests = notes.filter((n) => n.category === 'interest' && n.side === side)
  const about = guesses.filter((g) => g.side === side)
  const stated = interests.map((note) => ({
    note,
    guesses: about.filter((g) => g.match === note.id),
  }))
  const ids = new Set<string>(interests.map((n) => n.id))
  const matched = about.filter((g) => g.match !== null && ids.has(g.match))
  return {
    side,
    stated,
    matched,
    wrong: about.filter((g) => !matched.includes(g)),
    missed: stated.filter((s) => s.guesses.length === 0).map((s) => s.note),
  }
}
