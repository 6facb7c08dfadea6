import { describe, expect, it } from 'vitest'
import { controlCommands } from './controlCommands.js'
import { readReviewStatus, type AgreementTerms, type ReviewItem } from './controlSession.js'
import {
  agreementTracks,
  reviewVerdicts,
  seriesOutcomes,
  type SeriesBoard,
  type SeriesSession,
} from './seriesHistory.js'

const terms = (text: string): AgreementTerms => ({
  text,
  owner: 'Anna',
  ownedBy: { id: 'p-anna', name: 'Anna', side: 0 },
  cosigner: { id: 'p-olga', name: 'Olga', side: 1 },
  criterion: { measure: 'on-time-in-full', target: '>= 95 %', source: 'weekly planning report' },
  due: '',
  reviewOn: '2027-01-15',
})
const agreement = (id: string, text: string) => ({ ...terms(text), id, goals: {} })
const board: SeriesBoard = {
  caseTitle: 'Rush order',
  broughtBy: 'Anna',
  groupName: '1',
  agreements: [agreement('a1', 'Weekly meeting'), agreement('a2', 'Daily slot')],
  review: [],
}
const item = (over: Partial<ReviewItem> = {}): ReviewItem => ({
  ...terms('Weekly meeting'),
  id: 'a1',
  boardId: 'b-now',
  goals: { 0: 'supports' },
  status: 'partly',
  chafed: 'Sales skipped May',
  newTerms: null,
  decidedAt: null,
  history: [],
  ...over,
})

describe('seriesOutcomes', () => {
  it('puts the later verdict next to each agreement, and none where nobody judged it', () => {
    const later = [
      { agreement: agreement('a2', 'Daily slot'), status: 'met', chafed: 'x', newTerms: null },
    ] as const
    expect(seriesOutcomes(board, later)).toEqual([
      { agreement: board.agreements[0], verdict: null },
      { agreement: board.agreements[1], verdict: { status: 'met', chafed: 'x', newTerms: null } },
    ])
  })

  it('keeps a verdict whose agreement left the board since, as it was reviewed', () => {
    const gone = agreement('a0', 'Old promise')
    const outcomes = seriesOutcomes(board, [
      { agreement: gone, status: 'notMet', chafed: '', newTerms: null },
    ])
    expect(outcomes.map((o) => [o.agreement.text, o.verdict?.status ?? null])).toEqual([
      ['Weekly meeting', null],
      ['Daily slot', null],
      ['Old promise', 'notMet'],
    ])
  })

  it('takes the review running now as verdicts', () => {
    expect(seriesOutcomes(board, reviewVerdicts([item()]))[0]?.verdict).toEqual({
      status: 'partly',
      chafed: 'Sales skipped May',
      newTerms: null,
    })
  })
})

describe('agreementTracks', () => {
  it('follows one agreement through a renegotiation to the session running now', () => {
    const renegotiated = terms('Weekly meeting, on Mondays')
    const sessions: SeriesSession[] = [
      { number: 1, title: 'S', createdAt: 0, goals: [], boards: [board] },
      {
        number: 2,
        title: 'S',
        createdAt: 1,
        goals: [],
        boards: [
          {
            ...board,
            agreements: [],
            review: [
              {
                agreement: agreement('a1', 'Weekly meeting'),
                status: 'renegotiated',
                chafed: 'Fridays clash with the close',
                newTerms: renegotiated,
              },
            ],
          },
        ],
      },
    ]
    const now = { number: 3, review: [item({ ...renegotiated, status: 'met', chafed: '' })] }
    const track = agreementTracks(sessions, now).get('a1')
    expect(track?.map((s) => [s.session, s.kind, s.status, s.terms.text])).toEqual([
      [1, 'made', null, 'Weekly meeting'],
      [2, 'review', 'renegotiated', 'Weekly meeting'],
      [3, 'review', 'met', 'Weekly meeting, on Mondays'],
    ])
    expect(track?.[1]?.newTerms).toEqual(renegotiated)
    expect(
      agreementTracks(sessions, now)
        .get('a2')
        ?.map((s) => s.kind),
    ).toEqual(['made'])
  })
})

describe('review statuses', () => {
  it('reads the older held and notHeld as met and not met', () => {
    expect(
      ['held', 'notHeld', 'partly', 'renegotiated', 'gone', null].map(readReviewStatus),
    ).toEqual(['met', 'notMet', 'partly', 'renegotiated', null, null])
  })

  it('[C26] takes an older status in a command, and new terms with renegotiated', () => {
    const set = controlCommands['review:set']
    expect(set.parse({ agreementId: 'a1', status: 'held', chafed: '' }).status).toBe('met')
    const parsed = set.parse({
      agreementId: 'a1',
      status: 'renegotiated',
      chafed: '',
      terms: terms('Weekly meeting, on Mondays'),
    })
    expect(parsed.terms?.criterion?.target).toBe('>= 95 %')
    const tooLong = set.safeParse({
      agreementId: 'a1',
      status: 'renegotiated',
      chafed: '',
      terms: { ...terms('x'), criterion: { measure: '', target: 'x'.repeat(121), source: '' } },
    })
    expect(tooLong.success).toBe(false)
    expect(tooLong.error?.issues[0]?.path).toEqual(['terms', 'criterion', 'target'])
  })
})
