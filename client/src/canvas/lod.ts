import { NOTE_SIZE } from '@sparboard/board-model'

/** Below this zoom a note's text is under ~6 px: draw notes as one batched shape instead. */
export const TEXT_MIN_SCALE = 0.3
/** Shadows cost a blur per note; only worth it when few notes are in view. */
export const SHADOW_MAX_NOTES = 120

/** Where a note's vote badge sits, relative to the note. */
export const VOTE_BADGE = { x: NOTE_SIZE.width - 22, y: 22, r: 16 } as const

const FONT_SIZES = [24, 19, 15, 12, 10] as const
/** The text's width beside a vote badge: a first vote does not change the size of the text. */
const TEXT_WIDTH = NOTE_SIZE.width - 48
/** A character's width as a share of the font size, a little above Noto Sans' lowercase. */
const CHAR_EM = 0.6

/**
 * A font size that fits the text on the note: short texts big, long ones smaller, and small
 * enough that its longest word fits on a line. Konva breaks a longer word anywhere
 * ("planningsoverle" / "g"), and Dutch compounds are long.
 */
export function fitFontSize(text: string): number {
  const n = text.length + 12 * (text.match(/\n/g)?.length ?? 0)
  const byLength = n <= 24 ? 24 : n <= 60 ? 19 : n <= 120 ? 15 : n <= 220 ? 12 : 10
  const longest = Math.max(0, ...text.split(/\s+/).map((word) => word.length))
  const fits = FONT_SIZES.find((size) => size <= byLength && longest * size * CHAR_EM <= TEXT_WIDTH)
  return fits ?? 10
}
