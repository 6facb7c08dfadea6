import { describe, expect, it } from 'vitest'
import { missingGlyphs, pdfRuns } from './pdfFaces.js'

/** What teams type in notes and goals, beyond ASCII: each must print, never as a box. */
const TRICKY =
  '≥ ≤ ≠ → ← ↑ ± × ÷ € £ ¥ ✓ ✗ ✔ ✘ ★ ½ ¼ ‰ ° é ë ï ĳ Ĳ ø å ß ç ñ — – … “ ” ‘ ’ • · ' +
  '納期の共有 中文 한국어 ' +
  '🚚 👍 🙂 🎯 📈 ⚠ ❤ ⏰'

describe('the PDF font chain', () => {
  it('has a glyph for every tricky code point, in regular and in bold', () => {
    expect(missingGlyphs(TRICKY)).toEqual([])
    expect(missingGlyphs(TRICKY, true)).toEqual([])
  })

  it('sets Latin, symbols, CJK and emoji each in a face that has them', () => {
    // Noto Sans has no ≥: that is the box the report printed in "NPS ≥ 45"
    expect(pdfRuns('NPS ≥ 45', false)).toEqual([
      { text: 'NPS ', face: 'sans' },
      { text: '≥ ', face: 'math' },
      { text: '45', face: 'sans' },
    ])
    const runs = pdfRuns('Klaar ✓ 納期 🚚', false)
    expect(runs.map((r) => r.text).join('')).toBe('Klaar ✓ 納期 🚚')
    expect(runs.find((r) => r.text.includes('納期'))?.face).toBe('cjk')
    expect(runs.find((r) => r.text.includes('🚚'))?.face).toBe('emoji')
  })

  it('drops the joiners and variation selectors that only colour emoji use', () => {
    expect(pdfRuns('👍\ufe0f\u200d', false).map((r) => r.text)).toEqual(['👍'])
  })
})
