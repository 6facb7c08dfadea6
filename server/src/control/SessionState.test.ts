import { describe, expect, it } from 'vitest'
import {
  initialSession,
  readRevealPending,
  readStoredSession,
  storedSession,
} from './SessionState.js'

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

  it('[C26] reads a review stored before checkable agreements: held is met, notHeld not met', () => {
    const item = {
      id: 'a1',
      boardId: 'b1',
      text: 'Weekly S&OP meeting',
      owner: 'Anna',
      due: '2026-06-01',
      goals: { 0: 'supports' },
      status: 'held',
      chafed: 'Late twice',
      decidedAt: 5,
      history: [
        { kind: 'proposal', by: 'p1', name: 'Bram', status: 'notHeld', chafed: '', at: 1 },
        { kind: 'verdict', by: 'facilitator', name: '', status: 'held', chafed: '', at: 5 },
      ],
    }
    const [read] = readStoredSession({ ...initialSession(), review: [item] }).review
    expect(read).toEqual({
      ...item,
      status: 'met',
      ownedBy: null,
      cosigner: null,
      criterion: null,
      reviewOn: '',
      newTerms: null,
      history: [
        { ...item.history[0], status: 'notMet', terms: null },
        { ...item.history[1], status: 'met', terms: null },
      ],
    })
  })

  it('starts afresh from a row it cannot read rather than failing the workshop', () => {
    expect(readStoredSession({ phase: 'lunch' })).toEqual(initialSession())
    expect(readStoredSession(null)).toEqual(initialSession())
    expect(readStoredSession('garbage')).toEqual(initialSession())
  })

  it('[C19] keeps a pending reveal in the stored row and never in the view everyone is sent', () => {
    const state = { ...initialSession(), phase: 'interests' as const, revealed: true }
    const row = JSON.parse(JSON.stringify(storedSession(state, true))) as unknown
    expect(readRevealPending(row)).toBe(true)
    expect(readStoredSession(row)).toEqual(state)
    expect(readStoredSession(row)).not.toHaveProperty('revealPending')
    expect(readRevealPending(storedSession(state, false))).toBe(false)
    expect(readRevealPending(state)).toBe(false)
    expect(readRevealPending(null)).toBe(false)
  })
})
