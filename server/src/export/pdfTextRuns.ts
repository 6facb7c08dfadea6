/** Which face of the PDF a piece of text needs. */
export type PdfScript = 'latin' | 'cjk' | 'emoji'

const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/
// Joiners and variation selectors shape colour emoji; an outline font has no glyph for them.
const SHAPING = /\u200d|\ufe0e|\ufe0f/

/**
 * Splits text into runs of one script each, so every run can be set in a font that has its
 * glyphs (pdfkit does no font fallback).
 * @example pdfTextRuns('Levertijd 🚚') // [{ text: 'Levertijd ', script: 'latin' }, { text: '🚚', script: 'emoji' }]
 */
export function pdfTextRuns(text: string): { text: string; script: PdfScript }[] {
  const runs: { text: string; script: PdfScript }[] = []
  for (const ch of text) {
    if (SHAPING.test(ch)) continue
    const script: PdfScript = EMOJI.test(ch) ? 'emoji' : CJK.test(ch) ? 'cjk' : 'latin'
    const last = runs.at(-1)
    // Spaces and punctuation stay in the run they are in, so a line breaks as few times as can be.
    if (last && (last.script === script || (script === 'latin' && /[\s\p{P}]/u.test(ch))))
      last.text += ch
    else runs.push({ text: ch, script })
  }
  return runs
}
