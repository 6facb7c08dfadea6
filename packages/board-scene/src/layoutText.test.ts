import './hyphenationPatterns.js'
import { describe, expect, it } from 'vitest'
import { hyphenator } from './hyphenation.js'
import { layoutText } from './layoutText.js'

// 10 px a character: widths in tests read as character counts.
const measure = (s: string) => [...s].length * 10
const nl = hyphenator('nl')

describe('layoutText', () => {
  it('breaks a Dutch compound longer than a line at a syllable, with a hyphen', () => {
    const { lines } = layoutText('Capaciteitsdashboard', { width: 120, measure, hyphenate: nl })
    expect(lines).toEqual(['Capaciteits-', 'dashboard'])
    expect(
      layoutText('Nieuwe Omzetdoelstelling', { width: 130, measure, hyphenate: nl }).lines,
    ).toEqual(['Nieuwe Omzet-', 'doelstelling'])
  })

  it('moves a word that fits a line to the next line whole', () => {
    const { lines } = layoutText('Wekelijks planningsoverleg', {
      width: 170,
      measure,
      hyphenate: nl,
    })
    expect(lines).toEqual(['Wekelijks', 'planningsoverleg'])
  })

  it('hyphenates English by English patterns', () => {
    const { lines } = layoutText('responsibilities', {
      width: 80,
      measure,
      hyphenate: hyphenator('en'),
    })
    expect(lines.join('|')).toBe('respon-|sibili-|ties')
  })

  it('breaks a word with no syllable that fits at a character, with a hyphen, never shrinking', () => {
    const word = 'X'.repeat(25)
    const { lines } = layoutText(word, { width: 100, measure, hyphenate: nl })
    expect(lines.every((l) => measure(l) <= 100)).toBe(true)
    expect(lines.slice(0, -1).every((l) => l.endsWith('-'))).toBe(true)
    expect(lines.map((l) => l.replace(/-$/, '')).join('')).toBe(word)
  })

  it('breaks after a dash the word has without adding one, and CJK between characters', () => {
    expect(layoutText('Sales-Operationsoverleg', { width: 120, measure }).lines[0]).toBe('Sales-')
    const cjk = layoutText('納期の共有納期の共有', { width: 50, measure }).lines
    expect(cjk).toEqual(['納期の共有', '納期の共有'])
  })

  it('ends the last line that fits in an ellipsis and says the text was cut', () => {
    const text = 'een twee drie vier vijf zes zeven acht negen tien'
    const cut = layoutText(text, { width: 100, maxLines: 2, measure })
    expect(cut.truncated).toBe(true)
    expect(cut.lines).toHaveLength(2)
    expect(cut.lines[1]!.endsWith('…')).toBe(true)
    expect(cut.lines.every((l) => measure(l) <= 100)).toBe(true)
    const whole = layoutText(text, { width: 100, measure })
    expect(whole.truncated).toBe(false)
    expect(whole.lines.join(' ')).toBe(text)
  })

  it('keeps line breaks the text has', () => {
    expect(layoutText('a\n\nb', { width: 100, measure }).lines).toEqual(['a', '', 'b'])
  })
})
