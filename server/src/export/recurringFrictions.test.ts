import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addAgreement,
  addNote,
  asAgreementId,
  asNoteId,
  userOrigin,
  type Category,
} from '@sparboard/board-model'
import { NO_MOMENT, type ReviewItem } from '@sparboard/protocol'
import { readWorkshopState, type WorkshopState } from './collectWorkshop.js'
import { exportLabels } from './exportLabels.js'
import { readDecisions, recurringFrictions, type RecurringInput } from './recurringFrictions.js'
import { summaryMarkdown } from './summaryMarkdown.js'

const origin = userOrigin('test')

/** A board's encoded state with these notes `[id, category, text]` and agreements `[id, text]`. */
function boardState(
  notes: readonly (readonly [string, Category, string])[],
  agreements: readonly (readonly [string, string])[] = [],
) {
  const doc = new Y.Doc()
  notes.forEach(([id, category, text], i) =>
    addNote(doc, asNoteId(id), { category, x: i * 10, y: 0, text, author: 'a' }, origin),
  )
  for (const [id, text] of agreements)
    addAgreement(
      doc,
      asAgreementId(id),
      { text, owner: 'Bram', due: '', author: 'a', createdAt: 0, solutionIds: [], goals: {} },
      origin,
    )
  return [Y.encodeStateAsUpdate(doc)]
}

const verdict = (id: string, status: ReviewItem['status']): ReviewItem => ({
  id,
  boardId: 'x',
  text: '',
  owner: '',
  ownedBy: null,
  cosigner: null,
  criterion: null,
  due: '',
  reviewOn: '',
  goals: {},
  status,
  chafed: '',
  newTerms: null,
  decidedAt: status ? 1 : null,
  history: [],
})

/** A session of a one-case, three-group workshop with these boards (by group). */
function session(
  number: number,
  boards: readonly { state: readonly Uint8Array[]; review?: ReviewItem[] }[],
): WorkshopState {
  const groups = ['1', '2', '3'].map((name) => ({ id: `s${number}g${name}`, name }))
  return {
    workshop: {
      id: `w${number}`,
      title: 'Sales & Operations',
      goals: [],
      sides: ['Sales', 'Operations'],
      cases: [{ id: `s${number}c`, title: 'Spoedorder', description: '' }],
      groups,
      boards: groups.map((g) => ({
        id: `s${number}b${g.name}`,
        caseId: `s${number}c`,
        groupId: g.id,
      })),
      createdAt: number,
    },
    session: number,
    participants: [],
    moment: NO_MOMENT,
    at: 0,
    tracks: {},
    boards: boards.map((b, i) => ({
      id: `s${number}b${i + 1}`,
      caseTitle: 'Spoedorder',
      broughtBy: '',
      groupName: `${i + 1}`,
      state: b.state,
      review: b.review ?? [],
      moment: NO_MOMENT,
    })),
  }
}

const first = session(1, [
  {
    state: boardState(
      [
        ['f1', 'friction', 'levertijd te kort beloofd'],
        ['f2', 'friction', 'vorkheftruck defect'],
      ],
      [['a1', 'Planning bevestigt elke levertijd']],
    ),
  },
  { state: boardState([['f3', 'friction', 'klant krijgt te korte levertijd toegezegd']]) },
  { state: boardState([['f4', 'friction', 'niemand weet wie retouren doet']]) },
])
const second = session(2, [
  {
    state: boardState([['g1', 'friction', 'Levertijden worden *weer* te krap toegezegd']]),
    review: [verdict('a1', 'notMet')],
  },
  { state: boardState([]) },
  { state: boardState([['g3', 'friction', 'vorkheftruck staat stil']]) },
])

const input = (over: Partial<RecurringInput> = {}): RecurringInput => ({
  enabled: true,
  earlier: [first],
  decisions: [],
  truncated: false,
  ...over,
})

describe('recurring frictions of a series (in the export worker)', () => {
  it('lists what came up in more than one group or session, with its notes, agreements and verdicts', () => {
    const found = recurringFrictions(readWorkshopState(second), input())
    expect(found).toMatchObject({ enabled: true, groupCount: 3, sessionCount: 2, truncated: false })
    expect(found.frictions.map((f) => [f.notes.map((n) => n.text), f.groups, f.sessions])).toEqual([
      [
        [
          'levertijd te kort beloofd',
          'klant krijgt te korte levertijd toegezegd',
          'Levertijden worden *weer* te krap toegezegd',
        ],
        2,
        2,
      ],
      [['vorkheftruck defect', 'vorkheftruck staat stil'], 2, 2],
    ])
    // the agreement of group 1's first board, judged "not met" by session 2
    expect(found.frictions[0]!.agreements).toEqual([
      {
        text: 'Planning bevestigt elke levertijd',
        owner: 'Bram',
        due: '',
        session: 1,
        caseTitle: 'Spoedorder',
        groupName: '1',
        verdict: 'notMet',
      },
    ])
    // keys are the same every time, and name no board or note
    const again = recurringFrictions(readWorkshopState(second), input())
    expect(again).toEqual(found)
    for (const n of found.frictions.flatMap((f) => f.notes)) expect(n.key).toMatch(/^[\w-]{16}$/)
  })

  it('applies the facilitator’s decisions of every session, in order; unreadable rows are skipped', () => {
    const plain = recurringFrictions(readWorkshopState(second), input())
    const [delivery, forklift] = plain.frictions
    const late = delivery!.notes[2]!.key
    const decisions = readDecisions([
      { kind: 'split', key: late },
      { kind: 'nonsense' },
      null,
      { kind: 'merge', keys: [delivery!.id, forklift!.id] },
    ])
    expect(decisions).toHaveLength(2)
    const decided = recurringFrictions(readWorkshopState(second), input({ decisions }))
    expect(decided.decisions).toBe(2)
    expect(decided.frictions).toHaveLength(1)
    expect(decided.frictions[0]!.notes.map((n) => n.key)).not.toContain(late)
    expect(decided.frictions[0]!.notes).toHaveLength(4)
  })

  it('is empty when the method has it off, and says when the series was cut off', () => {
    const off = recurringFrictions(readWorkshopState(second), input({ enabled: false }))
    expect(off).toMatchObject({ enabled: false, frictions: [] })
    expect(
      recurringFrictions(readWorkshopState(second), input({ truncated: true })).truncated,
    ).toBe(true)
  })

  it('the Markdown summary lists them, note text escaped, in Dutch', () => {
    const current = readWorkshopState(second)
    const md = summaryMarkdown(current, exportLabels('nl'), recurringFrictions(current, input()))
    expect(md).toContain('## Terugkerende schuurpunten')
    expect(md).toContain(
      '- **levertijd te kort beloofd**: kwam terug in 2 van 3 groepen en in 2 sessies',
    )
    expect(md).toContain(
      '    - Levertijden worden \\*weer\\* te krap toegezegd (sessie 2, Spoedorder · Groep 1)',
    )
    expect(md).toContain(
      '    - Planning bevestigt elke levertijd (sessie 1, Spoedorder · Groep 1): Niet gehaald',
    )
  })
})
