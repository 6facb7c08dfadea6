import { NOTE_SIZE, NoteField, notesOf, type NoteId } from '@sparboard/board-model'
import type { CommandContext } from './Command.js'

/**
 * Brings notes on screen where the document has them now (just added, moved or tidied; the
 * page's view of the board catches up a render later).
 */
export function followNotes(ctx: CommandContext, ids: Iterable<NoteId>): void {
  const doc = ctx.author?.doc
  if (!doc) return
  const boxes = [...ids].flatMap((id) => {
    const note = notesOf(doc).get(id)
    const x = note?.get(NoteField.x)
    const y = note?.get(NoteField.y)
    return typeof x === 'number' && typeof y === 'number' ? [{ x, y, ...NOTE_SIZE }] : []
  })
  if (boxes.length === 0) return
  const x = Math.min(...boxes.map((b) => b.x))
  const y = Math.min(...boxes.map((b) => b.y))
  const right = Math.max(...boxes.map((b) => b.x + b.width))
  const bottom = Math.max(...boxes.map((b) => b.y + b.height))
  ctx.camera.follow({ x, y, width: right - x, height: bottom - y })
}
