import { describe, expect, it } from 'vitest'
import { Phase } from './controlPhases.js'
import {
  blindVoting,
  distinctName,
  MAX_NAME,
  nameKey,
  votingOpen,
  type SessionView,
} from './controlSession.js'

const session = (
  phase: Phase,
  agendaStarted: boolean,
  voteRound: SessionView['voteRound'] = { blind: true, closed: false },
) => ({ phase, agendaStarted, voteRound }) as Partial<SessionView> as SessionView

describe('votingOpen', () => {
  it('[C14] opens votes on a board used before the agenda starts, then only in the voting phase', () => {
    expect(votingOpen(session(Phase.strategy, false))).toBe(true)
    for (const phase of Object.values(Phase))
      expect(votingOpen(session(phase, true))).toBe(phase === Phase.voting)
    expect(votingOpen(null)).toBe(false)
  })

  it('[C33] a closed round takes no more votes; a blind round runs only in the voting phase', () => {
    const closed = { blind: true, closed: true }
    expect(votingOpen(session(Phase.voting, true, closed))).toBe(false)
    expect(blindVoting(session(Phase.voting, true))).toBe(true)
    expect(blindVoting(session(Phase.voting, true, closed))).toBe(false)
    expect(blindVoting(session(Phase.voting, true, { blind: false, closed: false }))).toBe(false)
    // before the agenda runs a board votes openly, as it always did
    expect(blindVoting(session(Phase.voting, false))).toBe(false)
    expect(blindVoting(session(Phase.solutions, true))).toBe(false)
  })
})

describe('distinctName', () => {
  const keys = (...names: string[]) => new Set(names.map(nameKey))
  it('[C25] keeps a free name and gives a taken one the first free suffix', () => {
    expect(distinctName('  Anna  de Vries ', keys('Bram'))).toBe('Anna de Vries')
    expect(distinctName('anna', keys('Anna'))).toBe('anna (2)')
    expect(distinctName('ＡＮＮＡ', keys('Anna', 'anna (2)'))).toBe('ＡＮＮＡ (3)')
  })
  it('[C25] shortens a long name so name and suffix fit the limit', () => {
    const long = 'x'.repeat(MAX_NAME)
    const named = distinctName(long, keys(long))
    expect(named).toBe(`${'x'.repeat(MAX_NAME - 4)} (2)`)
    expect(named.length).toBe(MAX_NAME)
  })
})
