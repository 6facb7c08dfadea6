import { describe, expect, it } from 'vitest'
import { cleanupAfterEach } from '../support/cleanup.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { privateRoom } from '@sparboard/protocol'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()
let sessionUrl = ''

async function session() {
  const running = track(await startServer(), (r) => r.stop())
  sessionUrl = running.wsUrl
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
    const { w, f, p } = await session()
    const anna = await p.send('session:join', { name: 'Anna', side: 'other' })
    if (!anna.ok) throw new Error('join refused')
    const id = anna.participantId
    expect(await p.send('participant:remove', { participantId: id })).toEqual({
      ok: false,
      error: 'forbidden',
    })
    expect(await f.send('participant:remove', { participantId: id })).toEqual({ ok: true })
    await expect.poll(() => p.state?.participants).toEqual([])
    // [C16] her socket was cut off; she comes back on a new one
    const url = sessionUrl.replace(/^ws/, 'http')
    const again = track(openControl(url, w.tokens.participant), (c) => c.close())
    await connected(again)
    expect(await again.send('session:join', { name: 'Anna', side: 0, participantId: id })).toEqual({
      ok: false,
      error: 'forbidden',
      field: 'participantId',
    })
    expect(f.state?.participants).toEqual([])
  })

  it("[C9] a rejoin under a known id must prove it with that participant's personal token", async () => {
    const { w, f, p } = await session()
    const group = w.groups[1]!.id
    const anna = await p.send('session:join', { name: 'Anna', side: 0, groupId: group })
    const bram = await p.send('session:join', { name: 'Bram', side: 1 })
    const url = sessionUrl.replace(/^ws/, 'http')
    const elsewhere = await createWorkshop(url)
    const outsider = track(openControl(url, elsewhere.tokens.participant), (c) => c.close())
    await connected(outsider)
    const foreign = await outsider.send('session:join', { name: 'Anna', side: 0 })
    if (!anna.ok || !bram.ok || !foreign.ok) throw new Error('join refused')
    await expect.poll(() => f.state?.participants.length).toBe(2)
    const before = f.state?.participants

    // Mallory has the participant link and reads Anna's id off the roster.
    const mallory = track(openControl(url, w.tokens.participant), (c) => c.close())
    await connected(mallory)
    const takeover = (personalToken?: string) =>
      mallory.send('session:join', {
        name: 'Mallory',
        side: 1,
        groupId: w.groups[0]!.id,
        participantId: anna.participantId,
        ...(personalToken === undefined ? {} : { personalToken }),
      })
    const refused = { ok: false, error: 'forbidden', field: 'personalToken' }
    expect(await takeover()).toEqual(refused)
    expect(await takeover(bram.personalToken)).toEqual(refused)
    expect(await takeover(foreign.personalToken)).toEqual(refused)
    expect(await takeover(w.tokens.participant)).toEqual(refused)
    expect(await takeover('x'.repeat(32))).toEqual(refused)
    expect(f.state?.participants).toEqual(before)

    // Anna herself, on another socket, rejoins with hers and keeps her group.
    const annaAgain = track(openControl(url, w.tokens.participant), (c) => c.close())
    await connected(annaAgain)
    expect(
      await annaAgain.send('session:join', {
        name: 'Anna B.',
        side: 0,
        participantId: anna.participantId,
        personalToken: anna.personalToken,
      }),
    ).toEqual({ ok: true, participantId: anna.participantId })
    await expect
      .poll(() => f.state?.participants.find((x) => x.id === anna.participantId))
      .toEqual({ id: anna.participantId, name: 'Anna B.', side: 0, groupId: group })
  })

  it('[C20] hands a first joiner alone a personal token, never in the state, that opens the boards as them', async () => {
    const { w, f, p } = await session()
    const joined = await p.send('session:join', { name: 'Anna', side: 0 })
    if (!joined.ok || !joined.personalToken) throw new Error('no personal token')
    // 192 random bits, like a link's
    expect(joined.personalToken).toMatch(/^[A-Za-z0-9_-]{32}$/)
    await expect.poll(() => f.state?.participants.length).toBe(1)
    for (const state of [f.state, p.state])
      expect(JSON.stringify(state)).not.toContain(joined.personalToken)
    const board = track(openBoard(sessionUrl, w.boards[0]!.id, joined.personalToken), (b) =>
      b.provider.destroy(),
    )
    await synced(board.provider)
    const url = sessionUrl.replace(/^ws/, 'http')
    const view = await fetch(`${url}/api/workshops/${w.id}`, {
      headers: { authorization: `Bearer ${joined.personalToken}` },
    })
    expect(view.status).toBe(200)
    expect(((await view.json()) as { role: string }).role).toBe('participant')
  })

  it('[C12] hands a first joiner alone the key to their private rooms; a guessed room does not exist', async () => {
    const { w, p } = await session()
    const joined = await p.send('session:join', { name: 'Anna', side: 0 })
    if (!joined.ok || !joined.privateKey) throw new Error('no private key')
    expect(joined.privateKey.length).toBeGreaterThanOrEqual(22)
    expect(p.state?.participants[0]).not.toHaveProperty('privateKey')
    const again = await p.send('session:join', {
      name: 'Anna',
      side: 0,
      participantId: joined.participantId,
      personalToken: joined.personalToken,
    })
    expect(again).toEqual({ ok: true, participantId: joined.participantId })

    const board = w.boards[0]!.id
    const mine = track(
      openBoard(sessionUrl, privateRoom(board, joined.privateKey), joined.personalToken!),
      (b) => b.provider.destroy(),
    )
    await synced(mine.provider)
    const guess = track(
      openBoard(sessionUrl, privateRoom(board, 'guessed-key'), w.tokens.participant),
      (b) => b.provider.destroy(),
    )
    expect(await closedWith(guess.provider)).toBe(4404)
  })

  it('[C13] tells the facilitator how many private notes wait, only while they wait', async () => {
    const { w, f, p } = await session()
    const joined = await p.send('session:join', { name: 'Anna', side: 0 })
    if (!joined.ok) throw new Error('join refused')
    const board = w.boards[0]!.id
    const count = (n: number) =>
      p.send('private:count', { participantId: joined.participantId, boardId: board, count: n })
    await count(2) // not a private phase yet: ignored
    await f.send('phase:set', { phase: 'interests' })
    expect(await count(3)).toEqual({ ok: true })
    await expect
      .poll(() => f.state?.privateCounts)
      .toEqual({ [`${board}/${joined.participantId}`]: 3 })
    expect(
      await f.send('private:count', {
        participantId: joined.participantId,
        boardId: board,
        count: 9,
      }),
    ).toEqual({
      ok: false,
      error: 'forbidden',
    })
    await f.send('phase:reveal', {})
    await expect.poll(() => f.state?.privateCounts).toEqual({})
    await count(3)
    expect(f.state?.privateCounts).toEqual({})
  })
})
