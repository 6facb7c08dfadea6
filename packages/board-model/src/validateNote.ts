import { isCategory, isSide, type Category, type Side } from './Category.js'
import { NoteLimits } from './limits.js'

/** What a new note needs; ids and positions come from the caller. */
export interface NoteInput {
  readonly category: Category
  readonly side?: Side
  readonly x: number
  readonly y: number
  readonly text?: string
  readonly author: string
  /** Which side the author speaks for, when known. */
  readonly authorSide?: Side
  /** An interest stated as a position ([G3]). */
  readonly position?: true
}

/** Why a note is refused, naming the field. */
export interface NoteProblem {
  readonly field: keyof NoteInput
  readonly message: string
}

const isCoordinate = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= NoteLimits.maxCoordinate

/** Returns the first problem with a note's fields, or null when it is valid. */
export function validateNote(input: Partial<Record<keyof NoteInput, unknown>>): NoteProblem | null {
  if (!isCategory(input.category)) return { field: 'category', message: 'unknown category' }
  if (input.category === 'interest' && input.side !== 0 && input.side !== 1) {
    return { field: 'side', message: 'an interest needs side 0 or 1' }
  }
  if (input.category !== 'interest' && input.side !== undefined) {
    return { field: 'side', message: 'only interests have a side' }
  }
  if (!isCoordinate(input.x)) return { field: 'x', message: 'x must be a finite coordinate' }
  if (!isCoordinate(input.y)) return { field: 'y', message: 'y must be a finite coordinate' }
  if (input.text !== undefined) {
    if (typeof input.text !== 'string') return { field: 'text', message: 'text must be a string' }
    if (input.text.length > NoteLimits.maxTextLength) {
      return { field: 'text', message: `text is longer than ${NoteLimits.maxTextLength}` }
    }
  }
  if (typeof input.author !== 'string' || input.author.length > NoteLimits.maxAuthorLength) {
    return { field: 'author', message: 'author must be a short string' }
  }
  if (input.authorSide !== undefined && !isSide(input.authorSide)) {
    return { field: 'authorSide', message: 'authorSide must be 0 or 1' }
  }
  if (input.position !== undefined && input.position !== true) {
    return { field: 'position', message: 'position is true or absent' }
  }
  return null
}

/** Thrown by writes given invalid input; the document is left untouched. */
export class InvalidNoteError extends Error {
  constructor(readonly problem: NoteProblem) {
    super(`invalid note ${problem.field}: ${problem.message}`)
    this.name = 'InvalidNoteError'
  }
}
