import { describe, expect, it } from 'vitest'
import type { ReviewItem } from './controlSession.js'
import { reviewVerdicts, seriesOutcomes, type SeriesBoard } from './seriesHistory.js'

const agreement = (id: string, text: string) => ({ id, text, owner: 'Anna', due: '', goals: {} })
const board: SeriesBoard = {
  caseTitle: 'Rush order',
  broughtBy: 'Anna',
  groupName: '1',
  agreements: [agreement('a1', 'Weekly meeting'), agreement('a2', 'Daily slot')],
  review: [],
}

describe('seriesOutcomes', () => {
  it('puts the later verdict next to each agreement, and none where nobody judged it', () => {
    const later = [
      { agreement: agreement('a2', 'Daily slot'), status: 'held', chafed: 'x' },
    ] as const
    expect(seriesOutcomes(board, later)).toEqual([
      { agreement: board.agreements[0], verdict: null },
      { agreement: board.agreements[1], verdict: { status: 'held', chafed: 'x' } },
    ])
  })

  it('keeps a verdict whose agreement left the board since, as it was reviewed', () => {
    const gone = agreement('a0', 'Old promise')
    const outcomes = seriesOutcomes(board, [{ agreement: gone, status: 'notHeld', chafed: '' }])
    expect(outcomes.map((o) => [o.agreement.text, o.verdict?.status ?? null])).toEqual([
      ['Weekly meeting', null],
      ['Daily slot', null],
      ['Old promise', 'notHeld'],
    ])
  })

  it('takes the review running now as verdicts', () => {
    const item: ReviewItem = {
      id: 'a1',
      boardId: 'b-now',
      text: 'Weekly meeting',
      owner: 'Anna',
      due: '',
      goals: { 0: 'supports' },
      status: 'partly',
      chafed: 'Sales skipped May',
    }
    expect(seriesOutcomes(board, reviewVerdicts([item]))[0]?.verdict).toEqual({
      status: 'partly',
      chafed: 'Sales skipped May',
    })
  })
})
