import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en.js'
import { nl } from '../i18n/nl.js'
import { voteSummary } from './voteSummary.js'

const i18n = i18next.createInstance()
await i18n.init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  lng: 'en',
  interpolation: { escapeValue: false },
})
const sides = ['Sales & Marketing', 'Operations'] as const
const tally = (sales: number, operations: number, mine = 0) => ({
  total: sales + operations,
  bySide: [sales, operations] as const,
  mine,
})

describe('voteSummary', () => {
  it('splits the votes by the workshop’s sides, as the exports do', () => {
    const t = i18n.getFixedT('en')
    expect(voteSummary(t, sides, tally(2, 1))).toBe('3 votes: Sales & Marketing 2, Operations 1')
    expect(voteSummary(t, sides, tally(0, 1, 1))).toBe(
      '1 vote: Sales & Marketing 0, Operations 1 (yours: 1)',
    )
    expect(voteSummary(t, sides, tally(0, 0))).toBe('')
    expect(voteSummary(t, sides, undefined)).toBe('')
  })

  it('says it in Dutch', () => {
    const t = i18n.getFixedT('nl')
    expect(voteSummary(t, sides, tally(2, 1, 2))).toBe(
      '3 stemmen: Sales & Marketing 2, Operations 1 (van jou: 2)',
    )
    expect(voteSummary(t, sides, tally(1, 0))).toBe('1 stem: Sales & Marketing 1, Operations 0')
  })
})
