import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addAgreement,
  AgreementField,
  agreementsOf,
  asAgreementId,
  readAgreements,
  userOrigin,
  type AgreementInput,
  type Signer,
} from '@sparboard/board-model'
import {
  followUpPath,
  methodPath,
  seriesPath,
  type AgreementTerms,
  type CreatedFollowUp,
  type CreatedWorkshop,
  type SeriesHistory,
  type WorkshopView,
} from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { pdfText } from '../support/pdfText.js'
import { frames, openRaw } from '../support/rawClient.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()
const origin = userOrigin('script')

async function join(url: string, w: CreatedWorkshop, name: string, side: 0 | 1) {
  const control = track(openControl(url, w.tokens.participant), (c) => c.close())
  await connected(control)
  const joined = await control.send('session:join', { name, side })
  if (!joined.ok || !joined.personalToken) throw new Error('join refused')
  const signer: Signer = { id: joined.participantId, name, side }
  return { control, signer, token: joined.personalToken }
}

const criterion = {
  measure: 'on-time-in-full',
  target: '>= 95 %',
  source: 'the weekly planning report',
}
const agreement = (ownedBy: Signer, cosigner: Signer): AgreementInput => ({
  text: 'Rush orders go through planning first',
  owner: '',
  ownedBy,
  cosigner,
  criterion,
  reviewOn: '2027-01-15',
  due: '2026-12-01',
  author: ownedBy.name,
  createdAt: 1,
  solutionIds: [],
  goals: { 0: 'supports' },
})

/** A workshop with Anna and Bram of Sales, Olga of Operations, and the facilitator's copy of a board. */
async function setUp(running: RunningServer) {
  const w = await createWorkshop(running.url)
  const boardId = w.boards[0]!.id
  const anna = await join(running.url, w, 'Anna', 0)
  const bram = await join(running.url, w, 'Bram', 0)
  const olga = await join(running.url, w, 'Olga', 1)
  const fac = track(openBoard(running.wsUrl, boardId, w.tokens.facilitator), (b) =>
    b.provider.destroy(),
  )
  await synced(fac.provider)
  /** Anna writes with her own token: what `change` does to a copy of the board, as one update. */
  const write = async (change: (doc: Y.Doc) => void) => {
    const raw = track(openRaw(running.wsUrl, boardId, anna.token), (r) => r.ws.terminate())
    await raw.opened
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(fac.doc))
    const before = Y.encodeStateVector(doc)
    change(doc)
    raw.send(frames.update(Y.encodeStateAsUpdate(doc, before)))
    return raw
  }
  return { w, boardId, anna, bram, olga, fac, write }
}

describe('checkable agreements (issue 20)', () => {
  it("[H26] the server refuses a co-signer of the owner's side written straight into the board (4400): no peer keeps it", async () => {
    const running = track(await startServer(), (r) => r.stop())
    const { w, boardId, anna, bram, olga, fac, write } = await setUp(running)

    // honest about Bram's side: the schema itself refuses two signers of one side
    const sameSide = await write((doc) => {
      const a = new Y.Map<unknown>()
      doc.transact(() => {
        a.set(AgreementField.text, new Y.Text('Same side'))
        a.set(AgreementField.owner, 'Anna')
        a.set(AgreementField.ownedBy, { ...anna.signer })
        a.set(AgreementField.cosigner, { ...bram.signer })
        a.set(AgreementField.due, '')
        a.set(AgreementField.author, 'Anna')
        a.set(AgreementField.createdAt, 1)
        a.set(AgreementField.solutions, new Y.Map())
        a.set(AgreementField.goals, new Y.Map())
        agreementsOf(doc).set('same', a)
      }, origin)
    })
    expect(await sameSide.closed).toBe(4400)
    // lying about it: Bram said to be of Operations passes the schema, not the session
    const lying = await write((doc) =>
      addAgreement(
        doc,
        asAgreementId('lie'),
        agreement(anna.signer, { ...bram.signer, side: 1 }),
        origin,
      ),
    )
    expect(await lying.closed).toBe(4400)
    // someone who never joined
    const stranger = await write((doc) =>
      addAgreement(
        doc,
        asAgreementId('stranger'),
        agreement(anna.signer, { id: 'nobody', name: 'Nobody', side: 1 }),
        origin,
      ),
    )
    expect(await stranger.closed).toBe(4400)

    // Olga of Operations may co-sign what Anna of Sales owns
    const fine = await write((doc) =>
      addAgreement(doc, asAgreementId('ok'), agreement(anna.signer, olga.signer), origin),
    )
    await expect.poll(() => readAgreements(fac.doc).map((a) => a.id)).toEqual(['ok'])
    expect(readAgreements(fac.doc)[0]).toMatchObject({
      owner: 'Anna',
      ownedBy: anna.signer,
      cosigner: olga.signer,
      criterion,
      reviewOn: '2027-01-15',
    })
    fine.ws.terminate()
    // and swapping her for Bram afterwards is refused and undone
    const swap = await write((doc) =>
      doc.transact(
        () =>
          agreementsOf(doc)
            .get('ok')!
            .set(AgreementField.cosigner, { ...bram.signer }),
        origin,
      ),
    )
    expect(await swap.closed).toBe(4400)
    const joiner = track(openBoard(running.wsUrl, boardId, w.tokens.observer), (b) =>
      b.provider.destroy(),
    )
    await synced(joiner.provider)
    expect(readAgreements(joiner.doc).map((a) => [a.id, a.cosigner?.name])).toEqual([
      ['ok', 'Olga'],
    ])
    expect(readAgreements(fac.doc)[0]?.cosigner).toEqual(olga.signer)
  })

  it('[C26] a follow-up judges against the criterion; renegotiated terms are checked, carried into the next session and kept in the series history', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const { w, boardId, anna, olga, fac } = await setUp(running)
    addAgreement(fac.doc, asAgreementId('a1'), agreement(anna.signer, olga.signer), origin)
    // stored before relayed: once another copy has it, the store has it too
    const observer = track(openBoard(running.wsUrl, boardId, w.tokens.observer), (b) =>
      b.provider.destroy(),
    )
    await synced(observer.provider)
    await expect.poll(() => readAgreements(observer.doc).length).toBe(1)
    await expect
    const second = await followUp(running, w)
    expect(second.review).toBe(1)
    expect(second.method).toMatchObject({ recurringFrictions: true, checkableAgreements: true })

    const fac2 = track(openControl(running.url, second.tokens.facilitator), (c) => c.close())
    await connected(fac2)
    await expect
      .poll(() => fac2.state?.review[0])
      .toMatchObject({
        id: 'a1',
        criterion,
        ownedBy: anna.signer,
        cosigner: olga.signer,
        reviewOn: '2027-01-15',
        status: null,
        newTerms: null,
      })
    // the new session's people sign the new terms
    const anna2 = await join(running.url, second, 'Anna', 0)
    const bram2 = await join(running.url, second, 'Bram', 0)
    const olga2 = await join(running.url, second, 'Olga', 1)
    const terms: AgreementTerms = {
      text: 'Rush orders go through planning, on Mondays',
      owner: 'Olga',
      ownedBy: olga2.signer,
      cosigner: anna2.signer,
      criterion: { ...criterion, target: '>= 90 %' },
      due: '',
      reviewOn: '2027-03-01',
    }
    const set = (payload: object) =>
      fac2.send('review:set', { agreementId: 'a1', chafed: 'Fridays clash', ...payload })
    expect(await set({ status: 'renegotiated' })).toMatchObject({ ok: false, field: 'terms' })
    expect(
      await set({
        status: 'renegotiated',
        terms: { ...terms, ownedBy: anna2.signer, cosigner: bram2.signer },
      }),
    ).toMatchObject({
      ok: false,
      error: 'invalid',
    })
    expect(
      await set({
        status: 'renegotiated',
        terms: { ...terms, cosigner: { ...bram2.signer, side: 1 } },
      }),
    ).toMatchObject({ ok: false, field: 'terms.cosigner' })
    expect(
      await set({ status: 'renegotiated', terms: { ...terms, ownedBy: anna.signer } }),
    ).toMatchObject({ ok: false, field: 'terms.ownedBy' })
    // an older client's status still works, and reads as met
    expect(await set({ status: 'held' })).toEqual({ ok: true })
    await expect.poll(() => fac2.state?.review[0]?.status).toBe('met')
    expect(
      await anna2.control.send('review:propose', {
        agreementId: 'a1',
        status: 'renegotiated',
        chafed: '',
        terms,
      }),
    ).toEqual({ ok: true })
    await expect.poll(() => fac2.state?.review[0]?.history.at(-1)?.terms?.text).toBe(terms.text)
    expect(await set({ status: 'renegotiated', terms })).toEqual({ ok: true })
    await expect.poll(() => fac2.state?.review[0]?.newTerms).toEqual(terms)

    // the third session reviews the agreement again, under its id, with the new terms
    const third = await followUp(running, second)
    expect(third.review).toBe(1)
    const fac3 = track(openControl(running.url, third.tokens.facilitator), (c) => c.close())
    await connected(fac3)
    await expect
      .poll(() => fac3.state?.review[0])
      .toMatchObject({ id: 'a1', ...terms, status: null })
    expect(await fac3.send('review:set', { agreementId: 'a1', status: 'met', chafed: '' })).toEqual(
      { ok: true },
    )
    const series = await readSeries(running, third.id, third.tokens.observer)
    expect(series.map((s) => s.boards[0]?.review.map((v) => [v.agreement.id, v.status]))).toEqual([
      [],
      [['a1', 'renegotiated']],
    ])
    expect(series[1]?.boards[0]?.review[0]?.newTerms).toEqual(terms)
    expect(series[0]?.boards[0]?.agreements[0]).toMatchObject({ id: 'a1', criterion })

    // the exports carry the criterion, the new terms and the agreement's way through the series
    const exported = (kind: string) =>
      fetch(`${running.url}/api/workshops/${third.id}/${kind}`, {
        headers: { authorization: `Bearer ${third.tokens.observer}` },
      })
    const md = await (await exported('summary.md?lang=en')).text()
    expect(md).toContain(
      '  - Criterion: on-time-in-full >= 90 %, read from the weekly planning report',
    )
    expect(md).toContain(
      '  - In the series: agreed in session 1 · session 2: Renegotiated → Rush orders go through planning, on Mondays · Owner: Olga, Operations · Co-signer: Anna, Sales · Criterion: on-time-in-full >= 90 %, read from the weekly planning report · Review on: 1 March 2027 · session 3: Met',
    )
    const pdf = (await pdfText(await (await exported('report.pdf?lang=nl')).arrayBuffer())).replace(
      /\s+/g,
      ' ',
    )
    expect(pdf).toContain(
      'Criterium: on-time-in-full >= 90 %, af te lezen in the weekly planning report',
    )
    expect(pdf).toContain('In de reeks: afgesproken in sessie 1 · sessie 2: Opnieuw afgesproken')
  })

  it('the facilitator switches checkable agreements per workshop; on by default', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    expect(w.method).toMatchObject({ recurringFrictions: true, checkableAgreements: true })
    const patch = (token: string, body: unknown) =>
      fetch(`${running.url}${methodPath(w.id)}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect((await patch(w.tokens.participant, { checkableAgreements: false })).status).toBe(403)
    const bad = await patch(w.tokens.facilitator, { checkableAgreements: 'no' })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ field: 'checkableAgreements' })
    expect((await patch(w.tokens.facilitator, { other: 1 })).status).toBe(400)
    const ok = await patch(w.tokens.facilitator, { checkableAgreements: false })
    expect(await ok.json()).toMatchObject({ recurringFrictions: true, checkableAgreements: false })
    const view = (await (
      await fetch(`${running.url}/api/workshops/${w.id}`, {
        headers: { authorization: `Bearer ${w.tokens.observer}` },
      })
    ).json()) as WorkshopView
    expect(view.method).toMatchObject({ recurringFrictions: true, checkableAgreements: false })
    // a follow-up keeps the choice
    expect((await followUp(running, w)).method).toMatchObject({
      recurringFrictions: true,
      checkableAgreements: false,
    })
  })
})

async function followUp(running: RunningServer, w: CreatedWorkshop): Promise<CreatedFollowUp> {
  const res = await fetch(`${running.url}${followUpPath(w.id)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${w.tokens.facilitator}` },
  })
  expect(res.status).toBe(201)
  return (await res.json()) as CreatedFollowUp
}

async function readSeries(running: RunningServer, id: string, token: string) {
  const res = await fetch(`${running.url}${seriesPath(id)}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return ((await res.json()) as SeriesHistory).sessions
}
