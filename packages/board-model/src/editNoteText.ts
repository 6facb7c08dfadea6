import * as Y from 'yjs'
import type { NoteId } from './ids.js'
import { NoteLimits } from './limits.js'
import type { BoardOrigin } from './origins.js'
import { NoteField, notesOf } from './schema.js'
import { InvalidNoteError } from './validateNote.js'

/** The smallest single splice that turns `before` into `after`. */
export function diffText(before: string, after: string) {
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let end = 0
  while (
    end < max - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++
  }
  return {
    index: start,
    remove: before.length - start - end,
    insert: after.slice(start, after.length - end),
  }
}

/**
 * Applies an edit of a note's text as one splice of its Y.Text, so characters that someone else
 * typed concurrently elsewhere in the note are kept. `before` is the text the editor started from.
 */
export function editNoteText(
  doc: Y.Doc,
  id: NoteId,
  before: string,
  after: string,
  origin: BoardOrigin,
): boolean {
  return spliceNoteText(doc, id, diffText(before, after), origin)
}

/** Replaces `remove` characters at `index` with `insert` in a note's text, as one transaction. */
export function spliceNoteText(
  doc: Y.Doc,
  id: NoteId,
  splice: { index: number; remove: number; insert: string },
  origin: BoardOrigin,
): boolean {
  const text = notesOf(doc).get(id)?.get(NoteField.text)
  if (!(text instanceof Y.Text)) return false
  const index = Math.max(0, Math.min(splice.index, text.length))
  const remove = Math.max(0, Math.min(splice.remove, text.length - index))
  if (text.length - remove + splice.insert.length > NoteLimits.maxTextLength) {
    throw new InvalidNoteError({
      field: 'text',
      message: `text is longer than ${NoteLimits.maxTextLength}`,
    })
  }
  if (remove === 0 && splice.insert === '') return true
  doc.transact(() => {
    if (remove > 0) text.delete(index, remove)
    if (splice.insert) text.insert(index, splice.insert)
  }, origin)
  return true
}
