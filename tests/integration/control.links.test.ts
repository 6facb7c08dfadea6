import { describe, expect, it } from 'vitest'
import { CloseCode, type RotatedLink } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()

const rotate = (url: string, id: string, role: string, token: string) =>
  fetch(`${url}/api/workshops/${id}/links/${role}/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  })
const read = (url: string, id: string, token: string) =>
  fetch(`${url}/api/workshops/${id}`, { headers: { authorization: `Bearer ${token}` } }).then(
    (r) => r.status,
  )

describe('control plane: replacing a link', () => {
  it('[C15] the old participant link stops at once (API 401, board 4401, control disconnected) and the new one works', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const boardId = w.boards[0]!.id
    const board = (token: string) =>
      track(openBoard(running.wsUrl, boardId, token), (c) => c.provider.destroy())
    const control = (token: string) => track(openControl(running.url, token), (c) => c.close())
    const oldBoard = board(w.tokens.participant)
    const observerBoard = board(w.tokens.observer)
    const oldControl = control(w.tokens.participant)
    const observerControl = control(w.tokens.observer)
    await Promise.all([synced(oldBoard.provider), synced(observerBoard.provider)])
    await Promise.all([connected(oldControl), connected(observerControl)])
    const closed = closedWith(oldBoard.provider)

    const res = await rotate(running.url, w.id, 'participant', w.tokens.facilitator)
    expect(res.status).toBe(200)
    const rotated = (await res.json()) as RotatedLink
    expect(rotated.role).toBe('participant')
    expect(rotated.token).not.toBe(w.tokens.participant)
    expect(rotated.link).toContain(`#token=${rotated.token}`)

    expect(await closed).toBe(CloseCode.unknownToken)
    await eventually(() => expect(oldBoard.provider.shouldConnect).toBe(false))
    await eventually(() => expect(oldControl.socket.connected).toBe(false))
    expect(await read(running.url, w.id, w.tokens.participant)).toBe(401)
    const reconnect = openControl(running.url, w.tokens.participant)
    track(reconnect, (c) => c.close())
    await expect(connected(reconnect)).rejects.toThrow()

    // the new link works; the other links were left alone
    expect(await read(running.url, w.id, rotated.token)).toBe(200)
    const fresh = control(rotated.token)
    await connected(fresh)
    await synced(board(rotated.token).provider)
    expect(observerControl.socket.connected).toBe(true)
    expect(observerBoard.provider.wsconnected).toBe(true)
  })

  it('[C15] only the facilitator replaces links, of a known role; a new facilitator link replaces their own', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    for (const role of ['participant', 'observer'] as const)
      expect((await rotate(running.url, w.id, 'observer', w.tokens[role])).status).toBe(403)
    expect((await rotate(running.url, w.id, 'admin', w.tokens.facilitator)).status).toBe(400)
    const other = await createWorkshop(running.url)
    expect((await rotate(running.url, w.id, 'observer', other.tokens.facilitator)).status).toBe(403)
    expect(await read(running.url, w.id, w.tokens.observer)).toBe(200)

    const res = await rotate(running.url, w.id, 'facilitator', w.tokens.facilitator)
    const rotated = (await res.json()) as RotatedLink
    expect(await read(running.url, w.id, w.tokens.facilitator)).toBe(401)
    expect(await read(running.url, w.id, rotated.token)).toBe(200)
    const view = (await (
      await fetch(`${running.url}/api/workshops/${w.id}`, {
        headers: { authorization: `Bearer ${rotated.token}` },
      })
    ).json()) as { links: { facilitator: string } }
    expect(view.links.facilitator).toBe(rotated.link)
  })

  it('[C15][C20] a replaced participant link suspends personal tokens until their holder rejoins through the new link', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const boardId = w.boards[0]!.id
    const board = (token: string) =>
      track(openBoard(running.wsUrl, boardId, token), (c) => c.provider.destroy())
    const control = (token: string) => track(openControl(running.url, token), (c) => c.close())
    const f = control(w.tokens.facilitator)
    const anna = control(w.tokens.participant)
    await Promise.all([connected(f), connected(anna)])
    const group = w.groups[1]!.id
    const joined = await anna.send('session:join', { name: 'Anna', side: 1, groupId: group })
    if (!joined.ok || !joined.personalToken) throw new Error('join refused')
    const own = board(joined.personalToken)
    await synced(own.provider)
    const closed = closedWith(own.provider)

    const res = await rotate(running.url, w.id, 'participant', w.tokens.facilitator)
    const rotated = (await res.json()) as RotatedLink
    // everyone on the old link is out, their own token included
    expect(await closed).toBe(CloseCode.unknownToken)
    expect(await read(running.url, w.id, joined.personalToken)).toBe(401)
    expect(await closedWith(board(joined.personalToken).provider)).toBe(CloseCode.unknownToken)

    // Anna gets the new link and rejoins through it with her own token: same id, same group.
    const back = control(rotated.token)
    await connected(back)
    expect(
      await back.send('session:join', {
        name: 'Anna',
        side: 1,
        participantId: joined.participantId,
        personalToken: joined.personalToken,
      }),
    ).toEqual({ ok: true, participantId: joined.participantId })
    expect(f.state?.participants).toEqual([
      { id: joined.participantId, name: 'Anna', side: 1, groupId: group },
    ])
    await synced(board(joined.personalToken).provider)
    expect(await read(running.url, w.id, joined.personalToken)).toBe(200)
  })
})
