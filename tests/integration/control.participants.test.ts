import { describe, expect, it } from 'vitest'
import { cleanupAfterEach } from '../support/cleanup.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()

async function session() {
  const running = track(await startServer(), (r) => r.stop())
  const w = await createWorkshop(running.url)
  const f = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
  const p = track(openControl(running.url, w.tokens.participant), (c) => c.close())
  await Promise.all([connected(f), connected(p)])
  return { w, f, p }
}

describe('control plane: participants', () => {
  it('[C9] lets joiners pick a group, or keeps them in the lobby when the facilitator says so', async () => {
    const { w, f, p } = await session()
    const group = w.groups[0]!.id
    const anna = await p.send('session:join', { name: 'Anna', side: 0, groupId: group })
    expect(await f.send('session:setGrouping', { grouping: 'lobby' })).toEqual({ ok: true })
    const bram = await p.send('session:join', { name: 'Bram', side: 1, groupId: group })
    if (!anna.ok || !bram.ok) throw new Error('join refused')
    await expect.poll(() => f.state?.participants.length).toBe(2)
    expect(f.state?.participants).toEqual([
      { id: anna.participantId, name: 'Anna', side: 0, groupId: group },
      { id: bram.participantId, name: 'Bram', side: 1, groupId: null },
    ])
  })

  it('[C9] removes a participant from the roster for good: they cannot rejoin under that id', async () => {
    const { f, p } = await session()
    const anna = await p.send('session:join', { name: 'Anna', side: 'other' })
    if (!anna.ok) throw new Error('join refused')
    const id = anna.participantId
    expect(await p.send('participant:remove', { participantId: id })).toEqual({
      ok: false,
      error: 'forbidden',
    })
    expect(await f.send('participant:remove', { participantId: id })).toEqual({ ok: true })
    await expect.poll(() => p.state?.participants).toEqual([])
    expect(await p.send('session:join', { name: 'Anna', side: 0, participantId: id })).toEqual({
      ok: false,
      error: 'forbidden',
      field: 'participantId',
    })
    expect(f.state?.participants).toEqual([])
  })
})
