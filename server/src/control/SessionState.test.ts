import { describe, expect, it } from 'vitest'
import { initialSession, readStoredSession } from './SessionState.js'

describe('readStoredSession', () => {
  it('fills fields a row written by an older version lacks', () => {
    const {
      review: _r,
      series: _s,
      grouping: _g,
      removed: _x,
      ...older
    } = {
      ...initialSession(),
      phase: 'voting' as const,
      voteBudget: 7,
    }
    expect(readStoredSession(older)).toEqual({
      ...initialSession(),
      phase: 'voting',
      voteBudget: 7,
    })
  })

  it('starts afresh from a row it cannot read rather than failing the workshop', () => {
    expect(readStoredSession({ phase: 'lunch' })).toEqual(initialSession())
    expect(readStoredSession(null)).toEqual(initialSession())
    expect(readStoredSession('garbage')).toEqual(initialSession())
  })
})
