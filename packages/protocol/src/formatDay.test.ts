import { describe, expect, it } from 'vitest'
import { formatDay } from './formatDay.js'

describe('formatDay', () => {
  it('writes a due date out in Dutch, and in English day first', () => {
    expect(formatDay('2026-12-15', 'nl')).toBe('15 december 2026')
    expect(formatDay('2026-12-15', 'en')).toBe('15 December 2026')
    expect(formatDay('2027-01-01', 'en')).toBe('1 January 2027')
  })

  it('leaves anything that is not a calendar day as it was', () => {
    expect(formatDay('', 'en')).toBe('')
    expect(formatDay('next week', 'nl')).toBe('next week')
  })
})
