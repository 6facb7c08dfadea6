import { readFileSync } from 'node:fs'
import { BOARD_FONT_FAMILY } from '@sparboard/board-scene'
import { BOARD_FONT_FILES } from './exportFonts.js'

// The Latin subset as @fontsource declares it; other scripts fall back to the viewer's fonts.
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'

let css: string | null = null

/**
 * `@font-face` rules with the board's Latin font inlined (about 36 kB), so an exported SVG shows
 * and wraps like the PNG on a machine without Noto Sans.
 */
export function svgFontFaces(): string {
  css ??= (
    [
      [400, BOARD_FONT_FILES.regular],
      [700, BOARD_FONT_FILES.bold],
    ] as const
  )
    .map(
      ([weight, file]) =>
        `@font-face { font-family: '${BOARD_FONT_FAMILY}'; font-weight: ${weight}; ` +
        `src: url(data:font/woff2;base64,${readFileSync(file).toString('base64')}) format('woff2'); ` +
        `unicode-range: ${LATIN}; }\n`,
    )
    .join('')
  return css
}
