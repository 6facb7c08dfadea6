import { describe, expect, it } from 'vitest'
import { randomId } from './newWorkshop.js'

describe('randomId', () => {
  it('never starts an id with - or _, so ids round-trip through the CSV export', () => {
    // Regression: a board id starting with "-" came back from notes.csv as "'-…" (defused).
    const ids = Array.from({ length: 10_000 }, () => randomId())
    expect(ids.filter((id) => /^[-_]/.test(id))).toEqual([])
    expect(new Set(ids.map((id) => id[0])).size).toBeGreaterThan(50)
    expect(ids.every((id) => /^[A-Za-z0-9_-]{22}$/.test(id))).toBe(true)
  })
})
