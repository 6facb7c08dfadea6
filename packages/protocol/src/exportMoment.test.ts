import { describe, expect, it } from 'vitest'
import type { SessionView } from './controlSession.js'
import {
  boardFrameTexts,
  exportMoment,
  formatClock,
  knownTimeZone,
  NO_MOMENT,
} from './exportMoment.js'

const session = (over: Partial<SessionView>) =>
  ({
    phase: 'voting',
    agendaStarted: true,
    revealed: false,
    privateCounts: {},
    voteRound: { blind: false, closed: false },
    ...over,
  }) as Partial<SessionView> as SessionView

describe('exportMoment', () => {
  it('[E7] names an open round, a blind one, and nothing once closed or before the agenda', () => {
    expect(exportMoment(session({}))).toEqual({ vote: 'open', privateNotes: null })
    expect(exportMoment(session({ voteRound: { blind: true, closed: false } })).vote).toBe('blind')
    expect(exportMoment(session({ voteRound: { blind: true, closed: true } }))).toEqual(NO_MOMENT)
    expect(exportMoment(session({ agendaStarted: false }))).toEqual(NO_MOMENT)
    expect(exportMoment(session({ phase: 'solutions' }))).toEqual(NO_MOMENT)
  })

  it('[E7] counts the private notes of one board, or of all, until the reveal', () => {
    const writing = session({
      phase: 'interests',
      privateCounts: { 'b1/p1': 2, 'b1/p2': 1, 'b2/p3': 4 },
    })
    expect(exportMoment(writing, 'b1')).toEqual({ vote: null, privateNotes: 3 })
    expect(exportMoment(writing, 'b3')).toEqual({ vote: null, privateNotes: 0 })
    expect(exportMoment(writing).privateNotes).toBe(7)
    expect(exportMoment({ ...writing, revealed: true })).toEqual(NO_MOMENT)
  })
})

describe('boardFrameTexts', () => {
  const at = Date.UTC(2026, 11, 4, 9, 42)
  it('[E6] writes the band in Dutch or English, the session only in a follow-up', () => {
    const facts = {
      caseTitle: 'Spoedorder',
      groupName: '2',
      workshopTitle: 'Planning',
      moment: { vote: 'open', privateNotes: null },
      at,
    } as const
    expect(
      boardFrameTexts({ ...facts, language: 'nl', session: 2, timeZone: 'Europe/Amsterdam' }),
    ).toMatchObject({
      title: 'Spoedorder — Groep 2',
      details: 'Planning · 4 december 2026 · Sessie 2',
      notices: ['Stemronde loopt nog — stand van 10:42'],
    })
    expect(boardFrameTexts({ ...facts, language: 'en', session: 1 })).toMatchObject({
      details: 'Planning · 4 December 2026',
      notices: ['Voting still open — counts as of 09:42 UTC'],
    })
  })

  it('knows time zones, and says UTC without one', () => {
    expect(knownTimeZone('Europe/Amsterdam')).toBe(true)
    expect(knownTimeZone('Mars/Olympus')).toBe(false)
    expect(knownTimeZone('')).toBe(false)
    expect(formatClock(at, 'en')).toBe('09:42 UTC')
  })
})
