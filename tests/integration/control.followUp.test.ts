import { describe, expect, it } from 'vitest'
import { addAgreement, asAgreementId, userOrigin } from '@sparboard/board-model'
import { followUpPath, type CreatedFollowUp } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()

const post = (url: string, token: string) =>
  fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` } })

describe('control plane: follow-up session', () => {
  it('[C11] carries the agreements into the next session for review; the first stays readable', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const old = w.boards[1]!
    const group2 = openBoard(running.wsUrl, old.id, w.tokens.participant)
    track(group2.provider, (p) => p.destroy())
    await synced(group2.provider)
    addAgreement(
      group2.doc,
      asAgreementId('a1'),
      {
        text: 'Rush orders go through planning first',
        owner: 'Bram',
        due: '2026-12-01',
        author: 'Bram',
        createdAt: 0,
        solutionIds: [],
        goals: { 0: 'supports', 1: 'conflicts' },
      },
      userOrigin('bram'),
    )
    const url = `${running.url}${followUpPath(w.id)}`
    // Stored before relayed: once the facilitator's copy has it, the store has it too.
    const fac = track(openBoard(running.wsUrl, old.id, w.tokens.facilitator), (b) =>
      b.provider.destroy(),
    )
    await synced(fac.provider)
    await expect.poll(() => fac.doc.getMap('agreements').size).toBe(1)

    expect((await post(url, w.tokens.participant)).status).toBe(403)
    expect((await post(url, w.tokens.observer)).status).toBe(403)
    expect((await post(url, 'nonsense')).status).toBe(401)
    const res = await post(url, w.tokens.facilitator)
    expect(res.status).toBe(201)
    const next = (await res.json()) as CreatedFollowUp
    expect(next).toMatchObject({ previousId: w.id, review: 1, title: w.title, goals: w.goals })
    expect(next.id).not.toBe(w.id)
    expect(next.tokens.participant).not.toBe(w.tokens.participant)
    const sameBoard = next.boards.find(
      (b) =>
        next.cases.findIndex((c) => c.id === b.caseId) === 0 &&
        next.groups.findIndex((g) => g.id === b.groupId) === 1,
    )!

    const anna = track(openControl(running.url, next.tokens.participant), (c) => c.close())
    const observer = track(openControl(running.url, next.tokens.observer), (c) => c.close())
    await Promise.all([connected(anna), connected(observer)])
    await expect.poll(() => anna.state?.series).toEqual({ number: 2, previousId: w.id })
    expect(anna.state?.review).toEqual([
      {
        id: 'a1',
        boardId: sameBoard.id,
        text: 'Rush orders go through planning first',
        owner: 'Bram',
        ownedBy: null,
        cosigner: null,
        criterion: null,
        due: '2026-12-01',
        reviewOn: '',
        goals: { 0: 'supports', 1: 'conflicts' },
        status: null,
        chafed: '',
        newTerms: null,
        decidedAt: null,
        history: [],
      },
    ])
    expect(anna.state?.phase).toBe('strategy')

    const review = { agreementId: 'a1', status: 'partly', chafed: 'Big customers still call sales' }
    expect(await observer.send('review:set', review)).toEqual({ ok: false, error: 'forbidden' })
    expect(await anna.send('session:join', { name: 'Anna', side: 0 })).toMatchObject({ ok: true })
    expect(await anna.send('review:propose', { ...review, agreementId: 'zz' })).toMatchObject({
      ok: false,
      field: 'agreementId',
    })
    // [C26] participants propose; the facilitator sets the verdict
    expect(await anna.send('review:set', review)).toEqual({ ok: false, error: 'forbidden' })
    expect(await anna.send('review:propose', review)).toEqual({ ok: true })
    await expect.poll(() => observer.state?.review[0]?.history.length).toBe(1)
    const facilitator = track(openControl(running.url, next.tokens.facilitator), (c) => c.close())
    await connected(facilitator)
    expect(await facilitator.send('review:set', review)).toEqual({ ok: true })
    await expect
      .poll(() => observer.state?.review[0])
      .toMatchObject({ status: 'partly', chafed: 'Big customers still call sales' })

    // The first session keeps its links, boards and agreements.
    const first = await fetch(`${running.url}/api/workshops/${w.id}`, {
      headers: { authorization: `Bearer ${w.tokens.observer}` },
    })
    expect(first.status).toBe(200)
  })
})
