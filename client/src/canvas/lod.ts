import { NOTE_SIZE } from '@sparboard/board-model'

/** Below this zoom a note's text is under ~6 px: draw notes as one batched shape instead. */
export const TEXT_MIN_SCALE = 0.3
/** Shadows cost a blur per note; only worth it when few notes are in view. */
export const SHADOW_MAX_NOTES = 120

/** Where a note's vote badge sits, relative to the note. */
export const VOTE_BADGE = { x: NOTE_SIZE.width - 22, y: 22, r: 16 } as const

/** A font size that fits the text on the note: short texts big, long ones smaller. */
export function fitFontSize(text: string): number {
  const n = text.length + 12 * (text.match(/\n/g)?.length ?? 0)
  if (n <= 24) return 24
  if (n <= 60) return 19
  if (n <= 120) return 15
  if (n <= 220) return 12
  return 10
}
