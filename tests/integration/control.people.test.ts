import { describe, expect, it } from 'vitest'
import { addAgreement, asAgreementId, userOrigin } from '@sparboard/board-model'
import {
  followUpPath,
  REVIEW_HISTORY_LIMIT,
  type CreatedFollowUp,
  type CreatedWorkshop,
  type WorkshopPresence,
} from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl, type ControlClient } from './control.support.js'

const track = cleanupAfterEach()

async function session(running?: RunningServer) {
  running ??= track(await startServer(), (r) => r.stop())
  const w = await createWorkshop(running.url)
  const f = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
  const p = track(openControl(running.url, w.tokens.participant), (c) => c.close())
  await Promise.all([connected(f), connected(p)])
  return { running, w, f, p }
}

const join = async (client: ControlClient, name: string, side: 0 | 1, groupId?: string | null) => {
  const ack = await client.send('session:join', { name, side, groupId })
  if (!ack.ok) throw new Error(`${name} could not join: ${ack.error}`)
  return ack
}

/** The latest presence a client was sent. */
function presenceOf(client: ControlClient) {
  const seen = { last: null as WorkshopPresence | null }
  client.socket.on('workshop:presence', (p) => (seen.last = p))
  return seen
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

/** A follow-up of `w` with one agreement on its first board to review. */
async function followUpWithAgreement(running: RunningServer, w: CreatedWorkshop) {
  const board = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.facilitator)
  track(board.provider, (p) => p.destroy())
  await synced(board.provider)
  addAgreement(
    board.doc,
    asAgreementId('a1'),
    {
      text: 'Rush orders go through planning first',
      owner: 'Bram',
      due: '2026-12-01',
      author: 'Bram',
      createdAt: 0,
      solutionIds: [],
      goals: {},
    },
    userOrigin('bram'),
  )
  // stored before relayed: a second copy having it means the store has it
  const check = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.observer)
  track(check.provider, (p) => p.destroy())
  await synced(check.provider)
  await expect.poll(() => check.doc.getMap('agreements').size).toBe(1)
  const res = await fetch(`${running.url}${followUpPath(w.id)}`, {
    method: 'POST',
    ...bearer(w.tokens.facilitator),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as CreatedFollowUp
}

describe('control plane: people', () => {
  it('[C25] no two people share a name: a taken one gets a suffix, answered to the joiner', async () => {
    const { running, w, f, p } = await session()
    const anna = await join(p, 'Anna', 0)
    // a free name is taken as asked, and the ack says nothing more
    expect(anna.name).toBeUndefined()
    const other = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    await connected(other)
    // the same name in another case and spacing is the same name
    const second = await join(other, '  anna ', 0)
    expect(second.name).toBe('anna (2)')
    const third = await join(other, 'ANNA', 1)
    expect(third.name).toBe('ANNA (3)')
    await expect
      .poll(() => f.state?.participants.map((x) => x.name))
      .toEqual(['Anna', 'anna (2)', 'ANNA (3)'])

    // a rejoin keeps its own name; taking another's name is made distinct too
    const rejoin = (name: string) =>
      p.send('session:join', {
        name,
        side: 0,
        participantId: anna.participantId,
        personalToken: anna.personalToken,
      })
    expect(await rejoin('Anna')).toEqual({
      ok: true,
      participantId: anna.participantId,
    })
    expect(await rejoin('anna (2)')).toMatchObject({ ok: true, name: 'anna (2) (2)' })
    // another workshop's Anna is no clash
    const elsewhere = await createWorkshop(running.url)
    const outsider = track(openControl(running.url, elsewhere.tokens.participant), (c) => c.close())
    await connected(outsider)
    expect((await join(outsider, 'Anna', 0)).name).toBeUndefined()
  })

  it('[C26] participants propose a verdict, only the facilitator sets it, and every word is recorded', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const first = await createWorkshop(running.url)
    const next = await followUpWithAgreement(running, first)
    const f = track(openControl(running.url, next.tokens.facilitator), (c) => c.close())
    const p = track(openControl(running.url, next.tokens.participant), (c) => c.close())
    const o = track(openControl(running.url, next.tokens.observer), (c) => c.close())
    await Promise.all([connected(f), connected(p), connected(o)])
    await expect.poll(() => o.state?.review.length).toBe(1)
    expect(o.state?.review[0]).toMatchObject({ status: null, decidedAt: null, history: [] })

    const verdict = { agreementId: 'a1', status: 'partly', chafed: 'Big customers still call' }
    // a participant no longer overwrites the verdict, whatever they send
    expect(await p.send('review:set', verdict)).toEqual({ ok: false, error: 'forbidden' })
    expect(await o.send('review:propose', verdict)).toEqual({ ok: false, error: 'forbidden' })
    expect(await f.send('review:propose', verdict)).toEqual({ ok: false, error: 'forbidden' })
    // the shared link speaks for no one until it joined
    expect(await p.send('review:propose', verdict)).toEqual({
      ok: false,
      error: 'conflict',
      field: 'participantId',
    })
    const anna = await join(p, 'Anna', 0)
    expect(await p.send('review:propose', { ...verdict, agreementId: 'zz' })).toMatchObject({
      ok: false,
      error: 'not-found',
      field: 'agreementId',
    })
    const before = Date.now()
    expect(await p.send('review:propose', verdict)).toEqual({ ok: true })
    await expect.poll(() => o.state?.review[0]?.history.length).toBe(1)
    expect(o.state?.review[0]).toMatchObject({
      status: null,
      chafed: '',
      decidedAt: null,
      history: [
        {
          kind: 'proposal',
          by: anna.participantId,
          name: 'Anna',
          status: 'partly',
          chafed: verdict.chafed,
        },
      ],
    })
    expect(o.state!.review[0]!.history[0]!.at).toBeGreaterThanOrEqual(before - 1000)

    const final = { agreementId: 'a1', status: 'held', chafed: 'Only once, in the first week' }
    expect(await f.send('review:set', final)).toEqual({ ok: true })
    await expect.poll(() => o.state?.review[0]?.status).toBe('met')
    const item = o.state!.review[0]!
    expect(item).toMatchObject({ chafed: final.chafed })
    expect(item.decidedAt).not.toBeNull()
    expect(item.history.map((e) => [e.kind, e.by, e.status])).toEqual([
      ['proposal', anna.participantId, 'partly'],
      ['verdict', 'facilitator', 'met'],
    ])

    // the exports say who gave which word
    const md = await (
      await fetch(
        `${running.url}/api/workshops/${next.id}/summary.md?lang=en`,
        bearer(next.tokens.observer),
      )
    ).text()
    expect(md).toContain('Met (set by the facilitator)')
    expect(md).toContain('Anna proposed: Partly (What chafed: Big customers still call)')
    expect(md).toContain('The facilitator set: Met')
    const mdNl = await (
      await fetch(
        `${running.url}/api/workshops/${next.id}/summary.md?lang=nl`,
        bearer(next.tokens.observer),
      )
    ).text()
    expect(mdNl).toContain('Gehaald (vastgesteld door de facilitator)')
    expect(mdNl).toContain('Anna stelde voor: Deels')
    const csvRes = await fetch(
      `${running.url}/api/workshops/${next.id}/review.csv`,
      bearer(next.tokens.observer),
    )
    expect(csvRes.status).toBe(200)
    const rows = (await csvRes.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    expect(rows[0]).toBe(
      'case,group,board_id,agreement_id,text,owner,due,verdict,chafed,decided_at,entry,entry_by,entry_verdict,entry_chafed,entry_at,cosigner,criterion_measure,criterion_target,criterion_source,review_on,new_terms,entry_new_terms',
    )
    expect(rows).toHaveLength(3)
    expect(rows[1]).toContain(',met,"Only once, in the first week",')
    expect(rows[1]).toContain(',proposal,Anna,partly,Big customers still call,')
    expect(rows[2]).toContain(',verdict,facilitator,met,"Only once, in the first week",')
    expect(
      (await fetch(`${running.url}/api/workshops/${next.id}/review.csv`, bearer('nonsense')))
        .status,
    ).toBe(401)

    // history is bounded: the oldest words go first
    for (let i = 0; i < REVIEW_HISTORY_LIMIT + 5; i++)
      expect(await p.send('review:propose', { ...verdict, chafed: `try ${i}` })).toEqual({
        ok: true,
      })
    await expect
      .poll(() => o.state?.review[0]?.history.at(-1)?.chafed)
      .toBe(`try ${REVIEW_HISTORY_LIMIT + 4}`)
    expect(o.state?.review[0]?.history).toHaveLength(REVIEW_HISTORY_LIMIT)
    expect(o.state?.review[0]?.status).toBe('met')

    // recorded: a restart keeps every word
    const { dataDir } = running
    await running.stop(false)
    const again = track(await startServer({ dataDir }), (r) => r.stop())
    const o2 = track(openControl(again.url, next.tokens.observer), (c) => c.close())
    await connected(o2)
    await expect.poll(() => o2.state?.review[0]?.history.length).toBe(REVIEW_HISTORY_LIMIT)
    expect(o2.state?.review[0]).toMatchObject({ status: 'met', decidedAt: item.decidedAt })
  })

  it('[C27] a follow-up puts people back in their groups until the facilitator regroups', async () => {
    const { running, w, f, p } = await session()
    const [g1, g2] = [w.groups[0]!.id, w.groups[1]!.id]
    await join(p, 'Anna', 0, g2)
    const bram = await join(p, 'Bram', 1, null)
    expect(
      await f.send('participant:assign', { participantId: bram.participantId, groupId: g1 }),
    ).toEqual({ ok: true })
    await join(p, 'Carla', 1, null)
    // outside a follow-up there are no groups of last time to keep
    expect(await f.send('session:keepGroups', { keep: true })).toEqual({
      ok: false,
      error: 'conflict',
      field: 'keep',
    })
    await expect.poll(() => f.state?.participants.map((x) => x.groupId)).toEqual([g2, g1, null])

    const res = await fetch(`${running.url}${followUpPath(w.id)}`, {
      method: 'POST',
      ...bearer(w.tokens.facilitator),
    })
    const next = (await res.json()) as CreatedFollowUp
    const [n1, n2] = [next.groups[0]!.id, next.groups[1]!.id]
    const nf = track(openControl(running.url, next.tokens.facilitator), (c) => c.close())
    const np = track(openControl(running.url, next.tokens.participant), (c) => c.close())
    await Promise.all([connected(nf), connected(np)])
    await expect.poll(() => nf.state?.keepGroups).toBe(true)
    // no earlier roster travels with the follow-up
    expect(JSON.stringify(nf.state)).not.toContain('Bram')

    await join(np, ' anna', 0)
    await join(np, 'Bram', 1, null)
    // whoever picks a group themselves goes there; a newcomer waits as before
    await join(np, 'Carla', 1, n2)
    await join(np, 'Dirk', 0)
    await expect
      .poll(() => nf.state?.participants.map((x) => [x.name, x.groupId]))
      .toEqual([
        ['anna', n2],
        ['Bram', n1],
        ['Carla', n2],
        ['Dirk', null],
      ])

    // the facilitator regroups: from now on joiners pick (or wait) again
    expect(await np.send('session:keepGroups', { keep: false })).toEqual({
      ok: false,
      error: 'forbidden',
    })
    expect(await nf.send('session:keepGroups', { keep: false })).toEqual({ ok: true })
    await expect.poll(() => nf.state?.keepGroups).toBe(false)
    const late = track(openControl(running.url, next.tokens.participant), (c) => c.close())
    await connected(late)
    // Bram on another device: a new participant, no group of last time any more
    const again = await join(late, 'Bram', 1)
    expect(again.name).toBe('Bram (2)')
    await expect
      .poll(() => nf.state?.participants.at(-1))
      .toMatchObject({ name: 'Bram (2)', groupId: null })
    expect(await nf.send('session:keepGroups', { keep: true })).toEqual({ ok: true })
  })

  it('[C28] [C29] presence says which participants are online and whether the facilitator is', async () => {
    const { running, w, f, p } = await session()
    const o = track(openControl(running.url, w.tokens.observer), (c) => c.close())
    const seen = presenceOf(o)
    await connected(o)
    await expect.poll(() => seen.last).toEqual({ online: 3, participants: [], facilitator: true })
    const anna = await join(p, 'Anna', 0)
    await expect.poll(() => seen.last?.participants).toEqual([anna.participantId])
    const q = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    await connected(q)
    const bram = await join(q, 'Bram', 1)
    await expect
      .poll(() => [...(seen.last?.participants ?? [])].sort())
      .toEqual([anna.participantId, bram.participantId].sort())
    p.close()
    await expect
      .poll(() => seen.last)
      .toEqual({
        online: 3,
        participants: [bram.participantId],
        facilitator: true,
      })
    // [C29] the facilitator is never on the roster, so never on a side
    expect(await f.send('session:join', { name: 'Fenna', side: 0 })).toEqual({
      ok: false,
      error: 'forbidden',
    })
    f.close()
    await expect
      .poll(() => seen.last)
      .toEqual({
        online: 2,
        participants: [bram.participantId],
        facilitator: false,
      })
    expect(o.state?.participants.map((x) => x.name)).toEqual(['Anna', 'Bram'])
  })
})
