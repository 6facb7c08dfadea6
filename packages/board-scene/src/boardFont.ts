import type { SceneFont } from './sceneShapes.js'

/**
 * The board's typeface. The client loads these files from `@fontsource/noto-sans`, the server
 * registers the same files with its canvas, so a note's text measures alike in both.
 */
export const BOARD_FONT_FAMILY = 'Noto Sans'

/** CJK and colour emoji come from the system (Debian: fonts-noto-cjk, fonts-noto-color-emoji). */
export const BOARD_FONT_STACK = `"${BOARD_FONT_FAMILY}", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Color Emoji", sans-serif`

/**
 * Where the alphabetic baseline sits below the middle of a line, in em: half of Noto Sans'
 * ascender (1.069) less its descender (0.293). Every renderer places text by this one number
 * instead of asking its backend for a "middle" baseline.
 */
export const BASELINE_BELOW_MIDDLE = 0.388

/** A font as CSS and canvas write it. */
export const cssFont = (font: SceneFont, stack = BOARD_FONT_STACK) =>
  `${font.bold ? 'bold ' : ''}${font.size}px ${stack}`
