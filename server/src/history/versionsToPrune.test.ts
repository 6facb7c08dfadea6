import { describe, expect, it } from 'vitest'
import type { BoardVersion, Phase } from '@sparboard/protocol'
import { versionsToPrune } from './versionsToPrune.js'

/** Newest first, one a minute, ids counting down. */
const versions = (phases: (Phase | null)[]): BoardVersion[] =>
  phases.map((phase, i) => ({
    id: phases.length - i,
    at: (phases.length - i) * 60_000,
    reason: 'activity',
    phase,
    notes: 0,
  }))

describe('versionsToPrune', () => {
  it('keeps the newest by count, and beyond them the newest of each phase', () => {
    const list = versions([
      'voting',
      'voting',
      'solutions',
      'solutions',
      'interests',
      'solutions',
      null,
    ])
    // ids 7..1: keep 7 and 6 by count; beyond them 5 (newest solutions), 3 (interests), 1 (null)
    expect(versionsToPrune(list, { keep: 2 })).toEqual([4, 2])
    expect(versionsToPrune(list, { keep: 10 })).toEqual([])
  })

  it('drops every version older than the retention time, the newest of a phase too', () => {
    const list = versions(['voting', 'solutions', 'interests', 'strategy'])
    // at: 4, 3, 2, 1 minutes
    expect(versionsToPrune(list, { keep: 50, before: 2.5 * 60_000 })).toEqual([2, 1])
    expect(versionsToPrune(list, { keep: 0, before: 0 })).toEqual([])
  })
})
