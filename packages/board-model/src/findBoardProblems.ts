import * as Y from 'yjs'
import { isCategory, isSide } from './Category.js'
import { NoteLimits } from './limits.js'
import { NoteField, notesOf } from './schema.js'

/** One note that breaks the schema, as a server or a test can report it. */
export interface BoardProblem {
  readonly noteId: string
  readonly field: string
  readonly message: string
}

const finite = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= NoteLimits.maxCoordinate

/**
 * Every note in a document that the model would refuse to write: a bad category, a side on
 * the wrong category, non-finite coordinates, oversize text. A server can apply an incoming
 * update to a scratch copy of the board and refuse it when this finds something new.
 * @example if (findBoardProblems(scratch).length > before) refuse(update)
 */
export function findBoardProblems(doc: Y.Doc): readonly BoardProblem[] {
  const out: BoardProblem[] = []
  notesOf(doc).forEach((note, noteId) => {
    const fail = (field: string, message: string) => out.push({ noteId, field, message })
    if (!(note instanceof Y.Map)) return fail('note', 'a note must be a map')
    const category = note.get(NoteField.category)
    if (!isCategory(category)) fail('category', 'unknown category')
    const side = note.get(NoteField.side)
    if (category === 'interest' && !isSide(side)) fail('side', 'an interest needs side 0 or 1')
    if (category !== 'interest' && side !== undefined) fail('side', 'only interests have a side')
    if (!finite(note.get(NoteField.x))) fail('x', 'x must be a finite coordinate')
    if (!finite(note.get(NoteField.y))) fail('y', 'y must be a finite coordinate')
    const text = note.get(NoteField.text)
    if (!(text instanceof Y.Text)) fail('text', 'text must be a Y.Text')
    else if (text.length > NoteLimits.maxTextLength) fail('text', 'text is too long')
  })
  return out
}
