import { describe, expect, it } from 'vitest'
import { methodOf, type SessionView } from '@sparboard/protocol'
import type { WorkshopRecord } from '../../store/Store.js'
import { initialSession } from '../SessionState.js'
import type { CommandContext } from './CommandHandler.js'
import { myFallback, revealFallbacks, writeFallback } from './fallbackCommands.js'
import { setPhase } from './phaseCommands.js'

const workshop = (method?: WorkshopRecord['method']): WorkshopRecord => ({
  id: 'w',
  title: 'Sales & Operations',
  goals: [],
  sides: ['Sales', 'Operations'],
  cases: [{ id: 'c', title: 'Rush order', description: '' }],
  groups: [{ id: 'g', name: '1' }],
  boards: [{ id: 'b', caseId: 'c', groupId: 'g' }],
  tokens: { facilitator: 'f', participant: 'p', observer: 'o' },
  createdAt: 0,
  ...(method && { method }),
})
const on = workshop({ ...methodOf(undefined), perspectiveSwap: true, fallbackCards: true })

const state: SessionView = {
  ...initialSession(),
  participants: [
    { id: 'anna', name: 'Anna', side: 0, groupId: 'g' },
    { id: 'eva', name: 'Eva', side: 0, groupId: 'g' },
    { id: 'bram', name: 'Bram', side: 1, groupId: 'g' },
    { id: 'olga', name: 'Olga', side: 'other', groupId: 'g' },
  ],
}

const ctx = (self: string | null, over: Partial<CommandContext> = {}): CommandContext => ({
  workshop: on,
  role: self ? 'participant' : 'facilitator',
  now: 1,
  newId: () => 'id',
  newSecret: () => 'secret',
  newToken: () => 'token',
  proven: null,
  participantId: self,
  ballots: {},
  fallbacks: {},
  previousGroups: new Map(),
  ...over,
})

describe('[FB1] "if we don\'t agree" cards', () => {
  it("keeps a side's card off the state: the state counts saves, the text stays server-only", () => {
    const out = writeFallback(state, { boardId: 'b', text: '  We ship from stock  ' }, ctx('anna'))
    if ('error' in out) throw new Error(out.error)
    expect(out.state.fallbacks).toEqual({ 'b/0': 1 })
    expect(JSON.stringify(out.state)).not.toContain('stock')
    expect(out.fallbacks).toEqual({ 'b/0': { text: 'We ship from stock', by: 'Anna' } })
    expect(out.result).toEqual({ text: 'We ship from stock', by: 'Anna' })
  })

  it("lets a teammate read and rewrite their side's card, never the other side's", () => {
    const fallbacks = { 'b/0': { text: 'We ship from stock', by: 'Anna' } }
    const s = { ...state, fallbacks: { 'b/0': 1 } }
    expect(myFallback(s, { boardId: 'b' }, ctx('eva', { fallbacks }))).toMatchObject({
      result: { text: 'We ship from stock', by: 'Anna' },
    })
    expect(myFallback(s, { boardId: 'b' }, ctx('bram', { fallbacks }))).toMatchObject({
      result: { text: '', by: '' },
    })
    const rewritten = writeFallback(
      s,
      { boardId: 'b', text: 'Stock first' },
      ctx('eva', { fallbacks }),
    )
    expect(rewritten).toMatchObject({ state: { fallbacks: { 'b/0': 2 } } })
    // an empty card is no card
    const cleared = writeFallback(s, { boardId: 'b', text: ' ' }, ctx('anna', { fallbacks }))
    expect(cleared).toMatchObject({ state: { fallbacks: {} }, fallbacks: {} })
  })

  it("refuses whoever speaks for no side, another workshop's board, and a workshop without the option", () => {
    expect(writeFallback(state, { boardId: 'b', text: 'x' }, ctx('olga'))).toEqual({
      error: 'forbidden',
      field: 'side',
    })
    expect(myFallback(state, { boardId: 'b' }, ctx(null))).toEqual({
      error: 'conflict',
      field: 'participantId',
    })
    expect(writeFallback(state, { boardId: 'x', text: 'x' }, ctx('anna'))).toEqual({
      error: 'not-found',
      field: 'boardId',
    })
    expect(
      writeFallback(state, { boardId: 'b', text: 'x' }, ctx('anna', { workshop: workshop() })),
    ).toEqual({ error: 'conflict', field: 'method' })
  })

  it('reveals a board with a card once; after that nobody writes it any more', () => {
    expect(revealFallbacks(state, { boardId: 'b' }, ctx(null))).toEqual({
      error: 'conflict',
      field: 'fallbacks',
    })
    const s = { ...state, fallbacks: { 'b/1': 1 } }
    const out = revealFallbacks(s, { boardId: 'b' }, ctx(null))
    if ('error' in out) throw new Error(out.error)
    expect(out.state).toMatchObject({ fallbacks: {}, fallbacksRevealed: ['b'] })
    expect(revealFallbacks(out.state, { boardId: 'b' }, ctx(null))).toEqual({ state: out.state })
    expect(writeFallback(out.state, { boardId: 'b', text: 'late' }, ctx('anna'))).toEqual({
      error: 'conflict',
      field: 'boardId',
    })
  })
})

describe('[SW1] the perspective swap on the agenda', () => {
  it('is a phase only where the facilitator switched it on', () => {
    expect(setPhase(state, { phase: 'perspective' }, ctx(null, { workshop: workshop() }))).toEqual({
      error: 'conflict',
      field: 'phase',
    })
    expect(setPhase(state, { phase: 'perspective' }, ctx(null))).toMatchObject({
      state: { phase: 'perspective', revealed: false },
    })
  })
})
