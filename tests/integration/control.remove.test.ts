import { describe, expect, it } from 'vitest'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer } from '../support/startServer.js'
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
      await annaSecondTab.send('session:join', { name: 'Anna', side: 0, participantId: id }),
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
})
