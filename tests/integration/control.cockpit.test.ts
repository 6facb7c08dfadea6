import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  asParticipantId,
  castVote,
  readVotes,
  userOrigin,
} from '@sparboard/board-model'
import type { BoardPresence, CreatedWorkshop, SharedView } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl, type ControlClient } from './control.support.js'

const track = cleanupAfterEach()
const origin = userOrigin('script')

/** Every vote a document shows, as `participant/note:count:side`, sorted. */
const shown = (doc: Y.Doc) =>
  readVotes(doc)
    .map((v) => `${v.participant}/${v.noteId}:${v.count}:${v.side}`)
    .sort()

async function workshop(running?: RunningServer) {
  const server = running ?? track(await startServer(), (r) => r.stop())
  const w = await createWorkshop(server.url)
  const f = track(openControl(server.url, w.tokens.facilitator), (c) => c.close())
  await connected(f)
  return { running: server, w, f }
}

async function join(url: string, w: CreatedWorkshop, name: string, side: 0 | 1) {
  const control = track(openControl(url, w.tokens.participant), (c) => c.close())
  await connected(control)
  const joined = await control.send('session:join', { name, side })
  if (!joined.ok || !joined.personalToken) throw new Error('join refused')
  return { control, id: joined.participantId, token: joined.personalToken }
}

/** Everything a client is sent of one event, in order. */
function heard<T>(client: ControlClient, event: 'session:view' | 'presence:boards'): T[] {
  const got: T[] = []
  client.socket.on(event, (payload: unknown) => got.push(payload as T))
  return got
}

describe('control plane: the facilitator’s cockpit', () => {
  it('[C30] a phase change clears the timer: what was set for one phase does not run on into the next', async () => {
    const { f } = await workshop()
    expect(await f.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
    expect(await f.send('timer:start', { durationMs: 10 * 60_000 })).toEqual({ ok: true })
    await eventually(() => expect(f.state?.timer.running).toBe(true))
    expect(await f.send('phase:set', { phase: 'solutions' })).toEqual({ ok: true })
    await eventually(() => expect(f.state?.phase).toBe('solutions'))
    expect(f.state?.timer).toEqual({ running: false, endsAt: null, remainingMs: 0, durationMs: 0 })
    // a paused timer is cleared too, and a resume without a duration is refused
    expect(await f.send('timer:start', { durationMs: 60_000 })).toEqual({ ok: true })
    expect(await f.send('timer:pause', {})).toEqual({ ok: true })
    expect(await f.send('phase:set', { phase: 'voting' })).toEqual({ ok: true })
    await eventually(() => expect(f.state?.timer.remainingMs).toBe(0))
    expect(await f.send('timer:start', {})).toEqual({
      ok: false,
      error: 'invalid',
      field: 'durationMs',
    })
    // the same phase again is no change: a running timer keeps running
    expect(await f.send('timer:start', { durationMs: 60_000 })).toEqual({ ok: true })
    expect(await f.send('phase:set', { phase: 'voting' })).toEqual({ ok: true })
    expect(f.state?.timer.running).toBe(true)
  })

  it('[C31] spotlight and everyone-to-me never contradict: the latest wins and ends the other', async () => {
    const { running, w, f } = await workshop()
    const p = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    await connected(p)
    const [one, two] = [w.boards[0]!.id, w.boards[1]!.id]
    expect(await f.send('board:spotlight', { boardId: one })).toEqual({ ok: true })
    await eventually(() => expect(p.state?.spotlight).toBe(one))
    expect(await f.send('board:gather', { boardId: two })).toEqual({ ok: true })
    await eventually(() => expect(p.state?.gathering?.boardId).toBe(two))
    expect(p.state?.spotlight).toBeNull()
    expect(await f.send('board:spotlight', { boardId: one })).toEqual({ ok: true })
    await eventually(() => expect(p.state?.spotlight).toBe(one))
    expect(p.state?.gathering).toBeNull()
    // ending the spotlight leaves nothing running; a gathering ends on its own too
    expect(await f.send('board:gather', { boardId: two })).toEqual({ ok: true })
    expect(await f.send('board:gather', { boardId: null })).toEqual({ ok: true })
    await eventually(() => expect(p.state?.gathering).toBeNull())
    expect(p.state?.spotlight).toBeNull()
    expect(await f.send('board:gather', { boardId: 'elsewhere' })).toEqual({
      ok: false,
      error: 'not-found',
      field: 'boardId',
    })
    expect(await p.send('board:gather', { boardId: one })).toEqual({
      ok: false,
      error: 'forbidden',
    })
  })

  it('[C32] the facilitator’s view reaches everyone else of the workshop, is stored nowhere, and only the facilitator shares one', async () => {
    const { running, w, f } = await workshop()
    const other = await workshop(running)
    const p = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    const stranger = track(openControl(running.url, other.w.tokens.participant), (c) => c.close())
    await Promise.all([connected(p), connected(stranger)])
    const views = heard<SharedView>(p, 'session:view')
    const own = heard<SharedView>(f, 'session:view')
    const elsewhere = heard<SharedView>(stranger, 'session:view')
    const boardId = w.boards[0]!.id
    const view = { boardId, x: 120, y: -40, width: 1600, height: 900 }
    const states = p.states
    expect(await f.send('view:share', view)).toEqual({ ok: true })
    await eventually(() => expect(views).toEqual([view]))
    expect(own).toEqual([])
    expect(elsewhere).toEqual([])
    expect(p.states).toBe(states)
    expect(await p.send('view:share', view)).toEqual({ ok: false, error: 'forbidden' })
    expect(await f.send('view:share', { ...view, width: 0 })).toEqual({
      ok: false,
      error: 'invalid',
      field: 'width',
    })
    expect(await f.send('view:share', { ...view, boardId: other.w.boards[0]!.id })).toEqual({
      ok: false,
      error: 'not-found',
      field: 'boardId',
    })
    expect(views).toHaveLength(1)
  })

  it('[C34] who is on which board reaches the facilitator as participant ids, whichever room they write in, and goes when they leave', async () => {
    const { running, w, f } = await workshop()
    const presence = heard<BoardPresence>(f, 'presence:boards')
    const [one, two] = [w.boards[0]!.id, w.boards[1]!.id]
    const anna = await join(running.url, w, 'Anna', 0)
    const bram = await join(running.url, w, 'Bram', 1)
    expect(await f.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
    expect(await anna.control.send('presence:board', { boardId: one })).toEqual({ ok: true })
    expect(await bram.control.send('presence:board', { boardId: one })).toEqual({ ok: true })
    const last = () => presence.at(-1)?.boards
    await eventually(() => expect(last()).toEqual({ [one]: [anna.id, bram.id].sort() }))
    expect(await bram.control.send('presence:board', { boardId: two })).toEqual({ ok: true })
    await eventually(() => expect(last()).toEqual({ [one]: [anna.id], [two]: [bram.id] }))
    anna.control.close()
    await eventually(() => expect(last()).toEqual({ [two]: [bram.id] }))
    // the facilitator is no participant: their own board is not counted
    expect(await f.send('presence:board', { boardId: one })).toEqual({ ok: true })
    // a newcomer hears at once
    const late = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
    const lateHeard = heard<BoardPresence>(late, 'presence:boards')
    await eventually(() => expect(lateHeard.at(-1)?.boards).toEqual({ [two]: [bram.id] }))
    expect(await bram.control.send('presence:board', { boardId: 'nowhere' })).toEqual({
      ok: false,
      error: 'not-found',
      field: 'boardId',
    })
    expect(await bram.control.send('presence:board', { boardId: 7 })).toEqual({
      ok: false,
      error: 'invalid',
      field: 'boardId',
    })
  })

  it('[C33] a blind round: dots go to the server, no board and no state shows them until the facilitator closes it; then every board has them with their sides', async () => {
    const { running, w, f } = await workshop()
    const boardId = w.boards[0]!.id
    const anna = await join(running.url, w, 'Anna', 0)
    const bram = await join(running.url, w, 'Bram', 1)
    const facBoard = track(openBoard(running.wsUrl, boardId, w.tokens.facilitator), (x) =>
      x.provider.destroy(),
    )
    await synced(facBoard.provider)
    const [n1, n2, n3] = ['n1', 'n2', 'n3'].map(asNoteId) as [
      ReturnType<typeof asNoteId>,
      ReturnType<typeof asNoteId>,
      ReturnType<typeof asNoteId>,
    ]
    for (const id of [n1, n2, n3])
      addNote(facBoard.doc, id, { category: 'solution', x: 0, y: 0, author: 'F' }, origin)
    expect(await f.send('votes:setBudget', { budget: 2 })).toEqual({ ok: true })
    expect(await f.send('phase:set', { phase: 'voting' })).toEqual({ ok: true })
    await eventually(() => expect(f.state?.voteRound).toEqual({ blind: true, closed: false }))

    const annaBoard = track(openBoard(running.wsUrl, boardId, anna.token), (x) =>
      x.provider.destroy(),
    )
    const observer = track(openBoard(running.wsUrl, boardId, w.tokens.observer), (x) =>
      x.provider.destroy(),
    )
    await Promise.all([synced(annaBoard.provider), synced(observer.provider)])
    const everShown = new Set<string>()
    observer.doc.on('afterTransaction', () => shown(observer.doc).forEach((v) => everShown.add(v)))

    const cast = (who: typeof anna, noteId: string, side: 0 | 1, delta: 1 | -1 = 1) =>
      who.control.send('votes:cast', { boardId, noteId, delta, side })
    expect(await cast(anna, n1, 0)).toEqual({ ok: true, mine: { [n1]: 1 } })
    expect(await cast(anna, n1, 0)).toEqual({ ok: true, mine: { [n1]: 2 } })
    expect(await cast(anna, n2, 0)).toEqual({ ok: false, error: 'conflict', field: 'budget' })
    expect(await cast(anna, n1, 0, -1)).toEqual({ ok: true, mine: { [n1]: 1 } })
    expect(await cast(anna, n2, 0)).toEqual({ ok: true, mine: { [n1]: 1, [n2]: 1 } })
    expect(await cast(bram, n1, 0)).toEqual({ ok: false, error: 'forbidden', field: 'side' })
    expect(await cast(bram, n1, 1)).toEqual({ ok: true, mine: { [n1]: 1 } })
    expect(await f.send('votes:cast', { boardId, noteId: n1, delta: 1, side: 0 })).toEqual({
      ok: false,
      error: 'forbidden',
    })
    // the state tells how many dots each used, never on which notes
    await eventually(() =>
      expect(f.state?.ballotCounts).toEqual({
        [`${boardId}/${anna.id}`]: 2,
        [`${boardId}/${bram.id}`]: 1,
      }),
    )
    // as a JSON string: a random id may hold the letters "n1" (it did once)
    expect(JSON.stringify(bram.control.state)).not.toContain(JSON.stringify(n1))
    expect(await anna.control.send('votes:mine', { boardId })).toEqual({
      ok: true,
      mine: { [n1]: 1, [n2]: 1 },
    })
    // a dot written straight onto the board is undone while the round is blind ([H21])
    castVote(
      annaBoard.doc,
      n3,
      { participant: asParticipantId(anna.id), side: 0, budget: 9 },
      origin,
    )
    await eventually(() => expect(shown(annaBoard.doc)).toEqual([]))
    expect(shown(observer.doc)).toEqual([])

    expect(await anna.control.send('votes:close', {})).toEqual({ ok: false, error: 'forbidden' })
    expect(await f.send('votes:close', {})).toEqual({ ok: true })
    const tallied = [`${anna.id}/${n1}:1:0`, `${anna.id}/${n2}:1:0`, `${bram.id}/${n1}:1:1`].sort()
    // when the state says the round is closed, the dots are on the board already
    await eventually(() => expect(f.state?.voteRound.closed).toBe(true))
    const fresh = track(openBoard(running.wsUrl, boardId, w.tokens.observer), (x) =>
      x.provider.destroy(),
    )
    await synced(fresh.provider)
    expect(shown(fresh.doc)).toEqual(tallied)
    await eventually(() => expect(shown(observer.doc)).toEqual(tallied))
    expect([...everShown].sort()).toEqual(tallied)
    expect(await cast(anna, n3, 0)).toEqual({ ok: false, error: 'conflict', field: 'phase' })
    expect(await f.send('votes:close', {})).toEqual({
      ok: false,
      error: 'conflict',
      field: 'phase',
    })
  })

  it('[C33] the ballots of an open round survive a restart, and leaving the voting phase without closing still puts them on the boards', async () => {
    const first = await startServer()
    const { w, f } = await workshop(first)
    const boardId = w.boards[1]!.id
    const anna = await join(first.url, w, 'Anna', 0)
    const facBoard = openBoard(first.wsUrl, boardId, w.tokens.facilitator)
    await synced(facBoard.provider)
    addNote(facBoard.doc, asNoteId('s1'), { category: 'solution', x: 0, y: 0, author: 'F' }, origin)
    expect(await f.send('phase:set', { phase: 'voting' })).toEqual({ ok: true })
    await eventually(() => expect(f.state?.phase).toBe('voting'))
    expect(
      await anna.control.send('votes:cast', { boardId, noteId: 's1', delta: 1, side: 0 }),
    ).toEqual({ ok: true, mine: { s1: 1 } })
    facBoard.provider.destroy()
    anna.control.close()
    f.close()
    await first.stop(false)

    const again = track(await startServer({ dataDir: first.dataDir }), (r) => r.stop())
    const f2 = track(openControl(again.url, w.tokens.facilitator), (c) => c.close())
    await connected(f2)
    const observer = track(openBoard(again.wsUrl, boardId, w.tokens.observer), (x) =>
      x.provider.destroy(),
    )
    await synced(observer.provider)
    expect(shown(observer.doc)).toEqual([])
    expect(await f2.send('phase:set', { phase: 'agreements' })).toEqual({ ok: true })
    await eventually(() => expect(shown(observer.doc)).toEqual([`${anna.id}/s1:1:0`]))
  })
})
