import { GlobalFonts } from '@napi-rs/canvas'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { BOARD_FONT_FAMILY } from '@sparboard/board-scene'

const require = createRequire(import.meta.url)
const fontsource = (file: string) => require.resolve(`@fontsource/noto-sans/files/${file}`)

/** The files the client loads through `@fontsource/noto-sans`, so text wraps alike. */
export const BOARD_FONT_FILES = {
  regular: fontsource('noto-sans-latin-400-normal.woff2'),
  bold: fontsource('noto-sans-latin-700-normal.woff2'),
  regularExt: fontsource('noto-sans-latin-ext-400-normal.woff2'),
  boldExt: fontsource('noto-sans-latin-ext-700-normal.woff2'),
} as const

// Debian's fonts-noto-cjk and fonts-noto-color-emoji (.ci/run installs them); without them CJK
// and emoji fall back to whatever the system has, usually empty boxes.
const SYSTEM_FONTS = {
  cjk: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  cjkBold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  emoji: '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf',
} as const

// A PDF cannot use the colour emoji font (bitmaps); Debian's fonts-symbola has outline emoji.
const PDF_EMOJI_FONT = '/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf'

export interface ExportFonts {
  /** The CJK collection for the PDF, or null when the system lacks it. */
  readonly cjk: string | null
  readonly cjkBold: string | null
  /** Outline emoji for the PDF, or null. */
  readonly emoji: string | null
}

let registered: ExportFonts | null = null

/** Registers the board's font and the system's CJK and emoji fonts with the canvas, once. */
export function registerExportFonts(): ExportFonts {
  if (registered) return registered
  for (const file of Object.values(BOARD_FONT_FILES)) {
    GlobalFonts.registerFromPath(file, BOARD_FONT_FAMILY)
  }
  const present = (path: string) => (existsSync(path) ? path : null)
  for (const path of Object.values(SYSTEM_FONTS)) {
    if (present(path)) GlobalFonts.registerFromPath(path)
  }
  registered = {
    cjk: present(SYSTEM_FONTS.cjk),
    cjkBold: present(SYSTEM_FONTS.cjkBold),
    emoji: present(PDF_EMOJI_FONT),
  }
  return registered
}
