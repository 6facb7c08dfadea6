import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  addAgreement,
  addNote,
  asAgreementId,
  asNoteId,
  asParticipantId,
  castVote,
  findBoardProblems,
  linkKey,
  linkNotes,
  linksOf,
  NoteField,
  notesOf,
  readBoard,
  updateAgreement,
  userOrigin,
  type NoteId,
} from '@sparboard/board-model'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()
const origin = userOrigin('script')
let running: RunningServer
beforeAll(async () => {
  running = await startServer()
})
afterAll(() => running.stop())

const [s1, s2, sales, ops] = ['s1', 's2', 'sales', 'ops'].map(asNoteId) as [
  NoteId,
  NoteId,
  NoteId,
  NoteId,
]

/** Two solutions and an interest of each side; Anna (side 0) and Bram (side 1) joined. */
async function workshop(method: Record<string, unknown>) {
  const w: CreatedWorkshop = await createWorkshop(running.url, {
    title: 'Double majority',
    sides: ['Sales', 'Operations'],
    cases: [{ title: 'Rush order' }],
    groups: 1,
    method,
  })
  const boardId = w.boards[0]!.id
  const f = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
  await connected(f)
  const join = async (name: string, side: 0 | 1) => {
    const control = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    await connected(control)
    const joined = await control.send('session:join', { name, side })
    if (!joined.ok || !joined.personalToken) throw new Error('join refused')
    return { id: joined.participantId, token: joined.personalToken }
  }
  const [anna, bram] = [await join('Anna', 0), await join('Bram', 1)]
  const board = (token: string) =>
    track(openBoard(running.wsUrl, boardId, token), (x) => x.provider.destroy())
  const facilitator = board(w.tokens.facilitator)
  await synced(facilitator.provider)
  const doc = facilitator.doc
  addNote(doc, s1, { category: 'solution', x: 40, y: 800, author: 'F' }, origin)
  addNote(doc, s2, { category: 'solution', x: 300, y: 800, author: 'F' }, origin)
  addNote(doc, sales, { category: 'interest', side: 0, x: 20, y: 100, author: 'F' }, origin)
  addNote(doc, ops, { category: 'interest', side: 1, x: 1300, y: 100, author: 'F' }, origin)
  /** The board as a newcomer gets it once the server has settled every write. */
  const fresh = async (): Promise<Y.Doc> => {
    const joiner = board(w.tokens.observer)
    await synced(joiner.provider)
    return joiner.doc
  }
  return { w, f, anna, bram, board, facilitator, fresh }
}

describe('BoardHub: the method rules ([H28])', () => {
  it('[H28] double majority: a stock client cannot turn a solution one side backs into an agreement (4400, nothing kept); backed by both sides it lands', async () => {
    const { f, anna, bram, board, facilitator, fresh } = await workshop({
      doubleMajority: { on: true, min: 1, unit: 'votes' },
    })
    expect((await f.send('votes:setBlind', { blind: false })).ok).toBe(true)
    expect((await f.send('phase:set', { phase: 'voting' })).ok).toBe(true)
    const annaBoard = board(anna.token)
    const bramBoard = board(bram.token)
    await Promise.all([synced(annaBoard.provider), synced(bramBoard.provider)])
    await eventually(() => expect(readBoard(annaBoard.doc).notes).toHaveLength(4))
    // Anna (Sales) backs s1 alone; both back s2.
    const voter = (p: { id: string }, side: 0 | 1) => ({
      participant: asParticipantId(p.id),
      side,
      budget: 5,
    })
    expect(castVote(annaBoard.doc, s1, voter(anna, 0), origin)).toBe('ok')
    expect(castVote(annaBoard.doc, s2, voter(anna, 0), origin)).toBe('ok')
    expect(castVote(bramBoard.doc, s2, voter(bram, 1), origin)).toBe('ok')
    await eventually(() => expect(readBoard(facilitator.doc).votes).toHaveLength(3))
    expect((await f.send('phase:set', { phase: 'agreements' })).ok).toBe(true)

    const agreement = (solutionIds: NoteId[]) => ({
      text: 'Rush slot',
      owner: 'Anna',
      due: '',
      author: 'Anna',
      createdAt: 1,
      solutionIds,
      goals: {},
    })
    // A one-side-only solution made an agreement by writing the document directly: refused.
    const refusedClose = closedWith(annaBoard.provider)
    addAgreement(annaBoard.doc, asAgreementId('a1'), agreement([s1]), origin)
    expect(await refusedClose).toBe(4400)
    annaBoard.provider.destroy()
    const after = await fresh()
    expect(readBoard(after).agreements).toEqual([])
    expect(findBoardProblems(after)).toEqual([])
    expect(readBoard(after).votes).toHaveLength(3)
    expect(readBoard(facilitator.doc).agreements).toEqual([])

    // Backed by both sides: it lands, for everyone.
    addAgreement(bramBoard.doc, asAgreementId('a2'), agreement([s2]), origin)
    await eventually(() =>
      expect(readBoard(facilitator.doc).agreements.map((a) => a.solutionIds)).toEqual([[s2]]),
    )
    // Adding the one-sided solution to it: refused, the agreement keeps s2 alone.
    const bramClose = closedWith(bramBoard.provider)
    updateAgreement(bramBoard.doc, asAgreementId('a2'), { linkSolutions: [s1] }, origin)
    expect(await bramClose).toBe(4400)
    const last = await fresh()
    expect(readBoard(last).agreements.map((a) => a.solutionIds)).toEqual([[s2]])
    expect(findBoardProblems(last)).toEqual([])
    // The facilitator is held to it too.
    const fClose = closedWith(facilitator.provider)
    addAgreement(facilitator.doc, asAgreementId('a3'), agreement([s1]), origin)
    expect(await fClose).toBe(4400)
    expect(readBoard(await fresh()).agreements).toHaveLength(1)
  })

  it('[H28] without the double majority, an agreement needs no votes', async () => {
    const { board, w, anna } = await workshop({})
    const annaBoard = board(anna.token)
    await synced(annaBoard.provider)
    await eventually(() => expect(readBoard(annaBoard.doc).notes).toHaveLength(4))
    addAgreement(
      annaBoard.doc,
      asAgreementId('a1'),
      { text: 'x', owner: '', due: '', author: 'Anna', createdAt: 1, solutionIds: [s1], goals: {} },
      origin,
    )
    const watcher = board(w.tokens.observer)
    await eventually(() => expect(readBoard(watcher.doc).agreements).toHaveLength(1))
  })

  it('[H28] links: solution to interest lands in the linker’s name; the wrong kinds or a missing end are refused (4400)', async () => {
    const { board, w, anna, fresh } = await workshop({})
    const annaBoard = board(anna.token)
    await synced(annaBoard.provider)
    await eventually(() => expect(readBoard(annaBoard.doc).notes).toHaveLength(4))
    expect(linkNotes(annaBoard.doc, s1, sales, 'Someone else', origin)).toBe('ok')
    const watcher = board(w.tokens.observer)
    await eventually(() =>
      expect(readBoard(watcher.doc).links).toEqual([{ from: s1, to: sales, author: 'Anna' }]),
    )
    // Written around the model: interest to interest, and to a note that is not there.
    for (const [from, to] of [
      [sales, ops],
      [s1, 'gone'],
    ] as const) {
      const script = board(anna.token)
      await synced(script.provider)
      const closed = closedWith(script.provider)
      script.doc.transact(
        () => linksOf(script.doc).set(linkKey(from, to), { from, to, author: 'Anna' }),
        origin,
      )
      expect(await closed).toBe(4400)
      script.provider.destroy()
    }
    const after = await fresh()
    expect([...linksOf(after).keys()]).toEqual([linkKey(s1, sales)])
  })

  it('[H26] [G3] a position mark is `true` or absent: anything else is put back and refused (4400)', async () => {
    const { board, anna, fresh } = await workshop({})
    const script = board(anna.token)
    await synced(script.provider)
    await eventually(() => expect(readBoard(script.doc).notes).toHaveLength(4))
    const closed = closedWith(script.provider)
    script.doc.transact(
      () => notesOf(script.doc).get(sales)!.set(NoteField.position, 'yes'),
      origin,
    )
    expect(await closed).toBe(4400)
    expect(
      notesOf(await fresh())
        .get(sales)!
        .has(NoteField.position),
    ).toBe(false)
  })
})
