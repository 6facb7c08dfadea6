import { NoteLimits } from '@sparboard/board-model'

/**
 * The most characters the scene lays out of one text: the model's note limit. The server refuses
 * longer text, but a board written before that, or by a client that skipped the model, may hold
 * more; laying out megabytes would take minutes, so the scene shows the start and an ellipsis.
 */
export const SCENE_TEXT_LIMIT = NoteLimits.maxTextLength

const ELLIPSIS = '…'

/**
 * `text` as the scene lays it out: whole when it is within `limit` UTF-16 units, else its first
 * `limit` units (never half a surrogate pair) and an ellipsis.
 * @example capText('a'.repeat(5000)).length // 2001
 */
export function capText(text: string, limit: number = SCENE_TEXT_LIMIT): string {
  if (text.length <= limit) return text
  let end = limit
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return text.slice(0, end) + ELLIPSIS
}
