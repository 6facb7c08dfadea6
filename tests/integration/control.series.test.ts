import { describe, expect, it } from 'vitest'
import {
  followUpPath,
  type CreatedFollowUp,
  type CreatedWorkshop,
  type WorkshopView,
} from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { pdfText } from '../support/pdfText.js'
import { createWorkshop, startServer } from '../support/startServer.js'

const track = cleanupAfterEach()

const body = (cases: unknown[]) => ({
  title: 'Sales & Operations',
  goals: ['Deliver on time', 'Grow margin'],
  sides: ['Sales', 'Operations'],
  cases,
  groups: 2,
})

const call = (url: string, token: string, method = 'GET') =>
  fetch(url, { method, headers: { authorization: `Bearer ${token}` } })

async function json<T>(res: Response): Promise<T> {
  expect(res.status).toBeLessThan(300)
  return (await res.json()) as T
}

describe('who brought a case', () => {
  it('[C22] the API takes broughtBy, trimmed, names the field when it is wrong, and answers it', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const post = (cases: unknown[]) =>
      fetch(`${running.url}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body(cases)),
      })
    for (const broughtBy of ['x'.repeat(121), 42, null, { name: 'Anna' }]) {
      const res = await post([{ title: 'Rush order', broughtBy }])
      expect(res.status).toBe(400)
      expect(((await res.json()) as { field: string }).field).toBe('cases.0.broughtBy')
    }
    const second = await post([{ title: 'Rush order' }, { title: 'Forecast', broughtBy: 42 }])
    expect(((await second.json()) as { field: string }).field).toBe('cases.1.broughtBy')

    const created = await json<CreatedWorkshop>(
      await post([
        { title: 'Rush order', broughtBy: '  Anna de Vries  ' },
        { title: 'Forecast', description: 'Nobody owns it' },
        { title: 'Stock', broughtBy: '' },
      ]),
    )
    expect(created.cases.map((c) => c.broughtBy)).toEqual(['Anna de Vries', '', ''])
    const read = await json<WorkshopView>(
      await call(`${running.url}/api/workshops/${created.id}`, created.tokens.observer),
    )
    expect(read.cases.map((c) => [c.title, c.broughtBy])).toEqual([
      ['Rush order', 'Anna de Vries'],
      ['Forecast', ''],
      ['Stock', ''],
    ])

    // A follow-up keeps who brought each case.
    const next = await json<CreatedFollowUp>(
      await call(`${running.url}${followUpPath(created.id)}`, created.tokens.facilitator, 'POST'),
    )
    const nextRead = await json<WorkshopView>(
      await call(`${running.url}/api/workshops/${next.id}`, next.tokens.participant),
    )
    expect(nextRead.cases.map((c) => c.broughtBy)).toEqual(['Anna de Vries', '', ''])
  })

  it('[C22] a workshop stored before broughtBy existed answers it as empty, in the API and exports', async () => {
    const running = track(await startServer(), (r) => r.stop())
    // A record as the earlier version wrote it: its cases have no broughtBy at all.
    await running.server.store.createWorkshop({
      id: 'old-workshop',
      title: 'Old one',
      goals: ['Deliver on time'],
      sides: ['Sales', 'Operations'],
      cases: [{ id: 'old-case', title: 'Rush order', description: '' }],
      groups: [{ id: 'old-group', name: '1' }],
      boards: [{ id: 'old-board', caseId: 'old-case', groupId: 'old-group' }],
      tokens: {
        facilitator: 'old-fac-token',
        participant: 'old-par-token',
        observer: 'old-obs-token',
      },
      createdAt: 1,
    })
    const read = await json<WorkshopView>(
      await call(`${running.url}/api/workshops/old-workshop`, 'old-obs-token'),
    )
    expect(read.cases).toEqual([
      { id: 'old-case', title: 'Rush order', description: '', broughtBy: '' },
    ])
    const md = await (
      await call(`${running.url}/api/workshops/old-workshop/summary.md`, 'old-obs-token')
    ).text()
    expect(md).toContain('## Rush order · Group 1')
    expect(md).not.toContain('Brought by')
  })

  it('[C22] the report PDF and the Markdown summary name who brought the case', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(
      running.url,
      body([{ title: 'Rush order', broughtBy: 'Anna de Vries' }]),
    )
    const md = await (
      await call(`${running.url}/api/workshops/${w.id}/summary.md?lang=nl`, w.tokens.participant)
    ).text()
    expect(md).toContain('## Rush order · Groep 1\n\nIngebracht door: Anna de Vries\n')
    const pdf = await call(`${running.url}/api/workshops/${w.id}/report.pdf`, w.tokens.observer)
    const text = (await pdfText(await pdf.arrayBuffer())).replace(/\s+/g, ' ')
    expect(text).toContain('Case: Rush orderGroup 1 · Brought by: Anna de Vries')
  })
})
