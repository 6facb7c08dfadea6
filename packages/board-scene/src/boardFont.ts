/**
 * The board's typeface. The client loads these files from `@fontsource/noto-sans`, the server
 * registers the same files with its canvas, so a note's text wraps alike in both.
 */
export const BOARD_FONT_FAMILY = 'Noto Sans'

/** CJK and colour emoji come from the system (Debian: fonts-noto-cjk, fonts-noto-color-emoji). */
export const BOARD_FONT_STACK = `"${BOARD_FONT_FAMILY}", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Color Emoji", sans-serif`
