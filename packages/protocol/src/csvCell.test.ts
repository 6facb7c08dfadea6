import { describe, expect, it } from 'vitest'
import { csvCell } from './csvCell.js'

describe('csvCell', () => {
  it('defuses every cell a spreadsheet would run as a formula', () => {
    for (const attack of ['=HYPERLINK("http://x")', '+1+cmd|x', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(attack)).toMatch(/^"'/)
  })

  it('quotes text so commas, quotes and newlines stay in one cell', () => {
    expect(csvCell('Spoed, "echt"\nnu')).toBe('"Spoed, ""echt""\nnu"')
    expect(csvCell('plain')).toBe('"plain"')
  })

  it('keeps numbers as numbers and empties as empty', () => {
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(null)).toBe('')
    expect(csvCell(Number.NaN)).toBe('')
  })
})
