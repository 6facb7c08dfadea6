import { describe, expect, it } from 'vitest'
import { fitFontSize } from './lod.js'

describe('fitFontSize', () => {
  it('writes short notes big and long ones smaller', () => {
    expect(fitFontSize('Rush fee')).toBe(24)
    expect(fitFontSize('Reserve a rush slot every day')).toBe(19)
    expect(fitFontSize('x '.repeat(100))).toBe(12)
  })

  it('makes a long word fit on one line instead of breaking it', () => {
    // as long as "Weekly planning call", but one word of 16 letters
    expect(fitFontSize('Wekelijks planningsoverleg')).toBe(15)
    expect(fitFontSize('Leverbetrouwbaarheid')).toBe(12)
    // nothing smaller than the smallest size, however long the word
    expect(fitFontSize('Leverbetrouwbaarheidsdoelstellingen')).toBe(10)
  })
})
