import { existsSync } from 'node:fs'
import * as fontkit from 'fontkit'
import { BOARD_FONT_FILES } from './exportFonts.js'

/** A font file the PDF may embed, and for a collection (.ttc) the face inside it. */
export interface PdfFace {
  readonly name: string
  readonly path: string
  readonly postscriptName?: string
}

const NOTO = '/usr/share/fonts/truetype/noto'
const CJK = '/usr/share/fonts/opentype/noto'
// pdfkit cannot subset the WOFF2 files (fontkit trips on their transformed glyph table), so the
// bundled faces are embedded from their WOFF twins.
const woff = (file: string) => file.replace(/\.woff2$/, '.woff')

/**
 * The fallback chain, most wanted first: Noto Sans (Debian's full face, else the bundled Latin
 * and Latin Extended ones), Noto Sans Math, Noto Sans Symbols and Symbols 2, Noto Sans CJK, then
 * Symbola for emoji as outlines (a PDF cannot use the colour emoji font's bitmaps). Debian's
 * fonts-noto-core, fonts-noto-cjk and fonts-symbola hold them; a face that is absent is skipped.
 */
const CHAIN: Record<'regular' | 'bold', readonly PdfFace[]> = {
  regular: [
    { name: 'sans', path: `${NOTO}/NotoSans-Regular.ttf` },
    { name: 'latin', path: woff(BOARD_FONT_FILES.regular) },
    { name: 'latinExt', path: woff(BOARD_FONT_FILES.regularExt) },
    { name: 'math', path: `${NOTO}/NotoSansMath-Regular.ttf` },
    { name: 'symbols', path: `${NOTO}/NotoSansSymbols-Regular.ttf` },
    { name: 'symbols2', path: `${NOTO}/NotoSansSymbols2-Regular.ttf` },
    {
      name: 'cjk',
      path: `${CJK}/NotoSansCJK-Regular.ttc`,
      postscriptName: 'NotoSansCJKsc-Regular',
    },
    { name: 'emoji', path: '/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf' },
  ],
  bold: [
    { name: 'sansBold', path: `${NOTO}/NotoSans-Bold.ttf` },
    { name: 'latinBold', path: woff(BOARD_FONT_FILES.bold) },
    { name: 'latinExtBold', path: woff(BOARD_FONT_FILES.boldExt) },
    { name: 'symbolsBold', path: `${NOTO}/NotoSansSymbols-Bold.ttf` },
    { name: 'cjkBold', path: `${CJK}/NotoSansCJK-Bold.ttc`, postscriptName: 'NotoSansCJKsc-Bold' },
  ],
}

// Joiners and variation selectors shape colour emoji; an outline font has no glyph for them.
const SHAPING = /\u200d|\ufe0e|\ufe0f/

/** A face of the chain with what it can draw. */
interface LoadedFace extends PdfFace {
  readonly has: (codePoint: number) => boolean
}

let loaded: Record<'regular' | 'bold', readonly LoadedFace[]> | null = null

function open(face: PdfFace): LoadedFace | null {
  if (!existsSync(face.path)) return null
  const font = fontkit.openSync(face.path, face.postscriptName) as fontkit.Font
  return { ...face, has: (cp) => font.hasGlyphForCodePoint(cp) }
}

/** The faces present on this machine, opened once. */
export function pdfFaces(): Record<'regular' | 'bold', readonly LoadedFace[]> {
  if (!loaded) {
    const regular = CHAIN.regular.map(open).filter((f) => f !== null)
    // bold text falls back to the regular faces for what no bold face has
    const bold = [...CHAIN.bold.map(open).filter((f) => f !== null), ...regular]
    loaded = { regular, bold }
  }
  return loaded
}

export interface PdfRun {
  readonly text: string
  /** The registered name of the face that draws it. */
  readonly face: string
}

/**
 * Splits text into runs that one face of the chain can draw whole (pdfkit does no font fallback
 * of its own): each character takes the first face that has its glyph; spaces and punctuation
 * stay in the run they are in, so lines break as seldom as can be. A character no face has is
 * set in the first face (it shows as a box, which the coverage test keeps from happening).
 * @example pdfRuns('NPS ≥ 45 🚚', false) // [{ text: 'NPS ≥ 45 ', face: 'sans' }, { text: '🚚', face: 'emoji' }]
 */
export function pdfRuns(text: string, bold: boolean): PdfRun[] {
  const faces = pdfFaces()[bold ? 'bold' : 'regular']
  const first = faces[0]!
  const runs: { text: string; face: string }[] = []
  for (const ch of text) {
    if (SHAPING.test(ch)) continue
    const cp = ch.codePointAt(0)!
    const last = runs.at(-1)
    if (last && /[\s\p{P}]/u.test(ch) && faces.find((f) => f.name === last.face)?.has(cp)) {
      last.text += ch
      continue
    }
    const face = (faces.find((f) => f.has(cp)) ?? first).name
    if (last?.face === face) last.text += ch
    else runs.push({ text: ch, face })
  }
  return runs
}

/** Code points of `text` that no face of the chain can draw (what would print as a box). */
export function missingGlyphs(text: string, bold = false): string[] {
  const faces = pdfFaces()[bold ? 'bold' : 'regular']
  return [...text].filter(
    (ch) => !SHAPING.test(ch) && !/\s/.test(ch) && !faces.some((f) => f.has(ch.codePointAt(0)!)),
  )
}
