import { describe, expect, it } from 'vitest'
import { formatRemaining } from './formatRemaining.js'

describe('formatRemaining', () => {
  it('rounds up to the next second and never goes below zero', () => {
    expect(formatRemaining(5 * 60_000)).toBe('5:00')
    expect(formatRemaining(59_001)).toBe('1:00')
    expect(formatRemaining(1)).toBe('0:01')
    expect(formatRemaining(0)).toBe('0:00')
    expect(formatRemaining(-500)).toBe('0:00')
    expect(formatRemaining(61 * 60_000)).toBe('61:00')
  })
})
