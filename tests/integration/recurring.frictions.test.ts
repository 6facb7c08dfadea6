import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  followUpPath,
  recurringPath,
  type CreatedFollowUp,
  type RecurringFrictions,
  type WorkshopView,
} from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { boardOfGroup, writeNotes } from '../support/frictionNotes.js'
import { pdfText } from '../support/pdfText.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()

const auth = (token: string) => ({ authorization: `Bearer ${token}` })
const get = (url: string, token: string) => fetch(url, { headers: auth(token) })
const post = (url: string, token: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

async function json<T>(res: Response): Promise<T> {
  expect(res.status).toBeLessThan(300)
  return (await res.json()) as T
}

describe('recurring frictions', () => {
  it('groups similar frictions across two groups and a follow-up, with counts, notes, agreements and verdicts; merges and splits persist', async () => {
    const running = track(await startServer(), (r) => r.stop(false))
    const first = await createWorkshop(running.url)
    expect(first.method).toMatchObject({ recurringFrictions: true })
    await writeNotes(
      running.wsUrl,
      boardOfGroup(first, 0),
      first.tokens.participant,
      [
        ['f1', 'friction', 'levertijd te kort beloofd'],
        ['f2', 'friction', 'vorkheftruck defect'],
        ['s1', 'solution', 'levertijd te kort beloofd'],
      ],
      ['a1', 'Sales checkt de levertijd bij planning'],
    )
    await writeNotes(running.wsUrl, boardOfGroup(first, 1), first.tokens.participant, [
      ['f3', 'friction', 'klant krijgt te korte levertijd toegezegd'],
    ])
    const second = await json<CreatedFollowUp>(
      await fetch(`${running.url}${followUpPath(first.id)}`, {
        method: 'POST',
        headers: auth(first.tokens.facilitator),
      }),
    )
    expect(second.method).toMatchObject({ recurringFrictions: true })
    await writeNotes(running.wsUrl, boardOfGroup(second, 0), second.tokens.participant, [
      ['g1', 'friction', 'Levertijden worden te krap toegezegd'],
      ['g2', 'friction', 'heftruck weer stuk'],
    ])
    // the follow-up judges the first session's agreement
    const facilitator = track(openControl(running.url, second.tokens.facilitator), (c) => c.close())
    await connected(facilitator)
    expect(
      await facilitator.send('review:set', { agreementId: 'a1', status: 'held', chafed: '' }),
    ).toEqual({ ok: true })

    const url = `${running.url}${recurringPath(second.id)}`
    // only the facilitator
    expect((await fetch(url)).status).toBe(401)
    expect((await get(url, second.tokens.participant)).status).toBe(403)
    expect((await get(url, second.tokens.observer)).status).toBe(403)
    expect((await get(url, first.tokens.facilitator)).status).toBe(403)

    const found = await json<RecurringFrictions>(await get(url, second.tokens.facilitator))
    expect(found).toMatchObject({ enabled: true, groupCount: 2, sessionCount: 2, decisions: 0 })
    expect(found.frictions).toHaveLength(1)
    const [delivery] = found.frictions
    expect(delivery).toMatchObject({ groups: 2, sessions: 2 })
    // oldest session first; the solution with the same words is no friction
    expect(delivery!.notes.map((n) => [n.text, n.session, n.groupName])).toEqual([
      ['levertijd te kort beloofd', 1, '1'],
      ['klant krijgt te korte levertijd toegezegd', 1, '2'],
      ['Levertijden worden te krap toegezegd', 2, '1'],
    ])
    // the agreement of a board it came up on, and how the follow-up judged it
    expect(delivery!.agreements).toEqual([
      {
        text: 'Sales checkt de levertijd bij planning',
        owner: 'Planning',
        due: '',
        session: 1,
        caseTitle: 'Rush order',
        groupName: '1',
        verdict: 'met', // sent as the older 'held'
      },
    ])
    // keys name no board or note of an earlier session ([C21])
    const text = JSON.stringify(found)
    for (const id of [boardOfGroup(first, 0), boardOfGroup(first, 1), 'f1', 'f3'])
      expect(text).not.toContain(`"${id}"`)

    // bad decisions are refused naming the field
    for (const [body, field] of [
      [{ kind: 'merge', frictions: ['only-one'] }, 'frictions'],
      [{ kind: 'split' }, 'note'],
      [{ kind: 'join', note: 'x' }, 'kind'],
    ] as const) {
      const res = await post(url, second.tokens.facilitator, body)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { field: string }).field).toBe(field)
    }
    expect((await post(url, second.tokens.observer, { kind: 'split', note: 'x' })).status).toBe(403)

    // the forklifts came up in one group each session, in other words: not grouped, not listed
    expect(text).not.toContain('heftruck')
    // The facilitator splits the follow-up's delivery note out ...
    const late = delivery!.notes[2]!.key
    const split = await json<RecurringFrictions>(
      await post(url, second.tokens.facilitator, { kind: 'split', note: late }),
    )
    expect(split.decisions).toBe(1)
    expect(split.frictions).toHaveLength(1)
    expect(split.frictions[0]).toMatchObject({ groups: 2, sessions: 1 })
    expect(split.frictions[0]!.notes.map((n) => n.key)).not.toContain(late)

    // after a restart (a reload reads the store) the split holds
    await running.stop(false)
    const again = track(await startServer({ dataDir: running.dataDir }), (r) => r.stop())
    const reloaded = await json<RecurringFrictions>(
      await get(`${again.url}${recurringPath(second.id)}`, second.tokens.facilitator),
    )
    expect(reloaded.frictions).toEqual(split.frictions)
    expect(reloaded.decisions).toBe(1)

    // ... and merges it back into the friction
    const merged = await json<RecurringFrictions>(
      await post(`${again.url}${recurringPath(second.id)}`, second.tokens.facilitator, {
        kind: 'merge',
        frictions: [split.frictions[0]!.id, late],
      }),
    )
    expect(merged.frictions[0]).toMatchObject({ groups: 2, sessions: 2 })
    expect(merged.frictions[0]!.notes).toHaveLength(3)

    // the Markdown summary and the report list it, in both languages
    const md = async (lang: string) =>
      (
        await get(
          `${again.url}/api/workshops/${second.id}/summary.md?lang=${lang}`,
          second.tokens.facilitator,
        )
      ).text()
    const en = await md('en')
    expect(en).toContain('## Recurring friction points')
    expect(en).toContain('came up in 2 of 2 groups and in 2 sessions')
    expect(en).toContain(
      'Sales checkt de levertijd bij planning (session 1, Rush order · Group 1): Met',
    )
    // only the facilitator's report quotes earlier sessions' notes ([C21])
    const observers = await (
      await get(`${again.url}/api/workshops/${second.id}/summary.md`, second.tokens.observer)
    ).text()
    expect(observers).not.toContain('Recurring friction points')
    expect(observers).not.toContain('klant krijgt te korte levertijd toegezegd')
    const nl = await md('nl')
    expect(nl).toContain('## Terugkerende schuurpunten')
    expect(nl).toContain('kwam terug in 2 van 2 groepen en in 2 sessies')
    expect(nl).toContain('Gehaald')
    const pdf = await get(
      `${again.url}/api/workshops/${second.id}/report.pdf?lang=nl`,
      second.tokens.facilitator,
    )
    expect(pdf.status).toBe(200)
    const bytes = await pdf.arrayBuffer()
    // with E2E_SCREENSHOTS=<dir>, keeps the report for a person to look at
    const dir = process.env.E2E_SCREENSHOTS
    if (dir) writeFileSync(join(dir, 'recurring-report-nl.pdf'), Buffer.from(bytes))
    const printed = (await pdfText(bytes)).replace(/\s+/g, ' ')
    expect(printed).toContain('Terugkerende schuurpunten')
    expect(printed).toContain('kwam terug in 2 van 2 groepen en in 2 sessies')
    expect(printed).toContain('Sales checkt de levertijd bij planning')
  })

  it('is off when the workshop says so, and a follow-up keeps that', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url, {
      title: 'No grouping',
      cases: [{ title: 'Rush order' }],
      groups: 2,
      method: { recurringFrictions: false },
    })
    expect(w.method).toMatchObject({ recurringFrictions: false })
    await writeNotes(running.wsUrl, boardOfGroup(w, 0), w.tokens.participant, [
      ['f1', 'friction', 'levertijd te kort beloofd'],
    ])
    await writeNotes(running.wsUrl, boardOfGroup(w, 1), w.tokens.participant, [
      ['f2', 'friction', 'levertijd te kort beloofd'],
    ])
    const found = await json<RecurringFrictions>(
      await get(`${running.url}${recurringPath(w.id)}`, w.tokens.facilitator),
    )
    expect(found).toMatchObject({ enabled: false, frictions: [] })
    const md = await (
      await get(`${running.url}/api/workshops/${w.id}/summary.md`, w.tokens.facilitator)
    ).text()
    expect(md).not.toContain('Recurring friction points')
    const next = await json<CreatedFollowUp>(
      await fetch(`${running.url}${followUpPath(w.id)}`, {
        method: 'POST',
        headers: auth(w.tokens.facilitator),
      }),
    )
    const view = await json<WorkshopView>(
      await get(`${running.url}/api/workshops/${next.id}`, next.tokens.observer),
    )
    expect(view.method).toMatchObject({ recurringFrictions: false })
    const bad = await fetch(`${running.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'x',
        cases: [{ title: 'y' }],
        groups: 1,
        method: { recurringFrictions: 'yes' },
      }),
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { field: string }).field).toBe('method.recurringFrictions')
  })
})
