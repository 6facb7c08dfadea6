import { describe, expect, it } from 'vitest'
import { Phase } from './controlPhases.js'
import { votingOpen, type SessionView } from './controlSession.js'

const session = (phase: Phase, agendaStarted: boolean) =>
  ({ phase, agendaStarted }) as Pick<SessionView, 'phase' | 'agendaStarted'> as SessionView

describe('votingOpen', () => {
  it('[C14] opens votes on a board used before the agenda starts, then only in the voting phase', () => {
    expect(votingOpen(session(Phase.strategy, false))).toBe(true)
    for (const phase of Object.values(Phase))
      expect(votingOpen(session(phase, true))).toBe(phase === Phase.voting)
    expect(votingOpen(null)).toBe(false)
  })
})
