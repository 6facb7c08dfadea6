import { describe, expect, it } from 'vitest'
import { CloseCode, privateRoom } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()

describe('control plane: removing a participant', () => {
  it('[C16] disconnects every control socket that joined as the removed participant, after the state that says so, and no one else', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const open = (token: string) => track(openControl(running.url, token), (c) => c.close())
    const f = open(w.tokens.facilitator)
    const anna = open(w.tokens.participant)
    const annaSecondTab = open(w.tokens.participant)
    const bram = open(w.tokens.participant)
    await Promise.all([f, anna, annaSecondTab, bram].map(connected))
    const joined = await anna.send('session:join', { name: 'Anna', side: 0 })
    if (!joined.ok) throw new Error('join refused')
    const id = joined.participantId
    expect(
      await annaSecondTab.send('session:join', {
        name: 'Anna',
        side: 0,
        participantId: id,
        personalToken: joined.personalToken,
      }),
    ).toEqual({
      ok: true,
      participantId: id,
    })
    expect((await bram.send('session:join', { name: 'Bram', side: 1 })).ok).toBe(true)
    const reasons: string[] = []
    anna.socket.on('disconnect', (reason) => reasons.push(reason))

    expect(await f.send('participant:remove', { participantId: id })).toEqual({ ok: true })
    await eventually(() => expect(anna.socket.connected).toBe(false))
    await eventually(() => expect(annaSecondTab.socket.connected).toBe(false))
    expect(reasons).toEqual(['io server disconnect'])
    // the last state Anna's socket heard already says she is gone
    expect(anna.state?.removed).toContain(id)
    expect(bram.socket.connected).toBe(true)
    expect(f.socket.connected).toBe(true)
    await eventually(() => expect(bram.state?.participants.map((p) => p.name)).toEqual(['Bram']))
  })

  it("[C16][H19] closes the removed participant's board connections (4401), private rooms too, and no one else's; their own token opens nothing after", async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const boardId = w.boards[0]!.id
    const open = (token: string) => track(openControl(running.url, token), (c) => c.close())
    const board = (room: string, token: string) =>
      track(openBoard(running.wsUrl, room, token), (c) => c.provider.destroy())
    const f = open(w.tokens.facilitator)
    const annaControl = open(w.tokens.participant)
    const bramControl = open(w.tokens.participant)
    await Promise.all([f, annaControl, bramControl].map(connected))
    const anna = await annaControl.send('session:join', { name: 'Anna', side: 0 })
    const bram = await bramControl.send('session:join', { name: 'Bram', side: 1 })
    if (!anna.ok || !bram.ok || !anna.personalToken || !anna.privateKey || !bram.personalToken)
      throw new Error('join refused')
    const annaBoard = board(boardId, anna.personalToken)
    const annaPrivate = board(privateRoom(boardId, anna.privateKey), anna.personalToken)
    const bramBoard = board(boardId, bram.personalToken)
    // an outside tool on the shared participant link
    const tool = board(boardId, w.tokens.participant)
    await Promise.all([annaBoard, annaPrivate, bramBoard, tool].map((c) => synced(c.provider)))
    const closed = [closedWith(annaBoard.provider), closedWith(annaPrivate.provider)]

    expect(await f.send('participant:remove', { participantId: anna.participantId })).toEqual({
      ok: true,
    })
    expect(await Promise.all(closed)).toEqual([CloseCode.unknownToken, CloseCode.unknownToken])
    await eventually(() => expect(annaBoard.provider.shouldConnect).toBe(false))
    // everyone else goes on writing and reading
    bramBoard.doc.getMap('notes').set('after-removal', 'Bram is still here')
    await eventually(() =>
      expect(tool.doc.getMap('notes').get('after-removal')).toBe('Bram is still here'),
    )
    expect(bramBoard.provider.wsconnected).toBe(true)
    // Anna's own token is gone: a new board connection and the API refuse it
    const again = board(boardId, anna.personalToken)
    expect(await closedWith(again.provider)).toBe(CloseCode.unknownToken)
    const api = await fetch(`${running.url}/api/workshops/${w.id}`, {
      headers: { authorization: `Bearer ${anna.personalToken}` },
    })
    expect(api.status).toBe(401)
  })
})
