import { describe, expect, it } from 'vitest'
import {
  addAgreement,
  asAgreementId,
  userOrigin,
  type AgreementInput,
} from '@sparboard/board-model'
import {
  followUpPath,
  type CreatedFollowUp,
  type CreatedWorkshop,
  type WorkshopView,
} from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { pdfText } from '../support/pdfText.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

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

/** Makes an agreement on a board and waits until a second client has it: then it is stored ([H3]). */
async function agree(
  running: RunningServer,
  boardId: string,
  token: string,
  id: string,
  a: Partial<AgreementInput>,
) {
  const writer = track(openBoard(running.wsUrl, boardId, token), (b) => b.provider.destroy())
  const reader = track(openBoard(running.wsUrl, boardId, token), (b) => b.provider.destroy())
  await Promise.all([synced(writer.provider), synced(reader.provider)])
  const before = reader.doc.getMap('agreements').size
  addAgreement(
    writer.doc,
    asAgreementId(id),
    {
      text: '',
      owner: '',
      due: '',
      author: 'someone',
      createdAt: 0,
      solutionIds: [],
      goals: {},
      ...a,
    },
    userOrigin('someone'),
  )
  await expect.poll(() => reader.doc.getMap('agreements').size).toBe(before + 1)
}

/** The board of case `c` and group `g` of a workshop (by their order). */
const boardAt = (w: CreatedWorkshop, c: number, g: number) =>
  w.boards.find((b) => b.caseId === w.cases[c]!.id && b.groupId === w.groups[g]!.id)!

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

describe('the exports of a follow-up', () => {
  it('[C23] the report PDF and the Markdown summary carry the review: status and what chafed', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const first = await createWorkshop(running.url)
    await agree(running, boardAt(first, 0, 1).id, first.tokens.participant, 'a-weekly', {
      text: 'Weekly S&OP meeting',
      owner: 'Anna',
      due: '2026-06-01',
    })
    await agree(running, boardAt(first, 0, 1).id, first.tokens.participant, 'a-slot', {
      text: 'A daily rush-order slot',
    })
    const second = await json<CreatedFollowUp>(
      await call(`${running.url}${followUpPath(first.id)}`, first.tokens.facilitator, 'POST'),
    )
    const fac = track(openControl(running.url, second.tokens.facilitator), (c) => c.close())
    await connected(fac)
    expect(
      await fac.send('review:set', {
        agreementId: 'a-weekly',
        status: 'partly',
        chafed: 'Sales skipped it in May',
      }),
    ).toEqual({ ok: true })

    const md = await (
      await call(`${running.url}/api/workshops/${second.id}/summary.md`, second.tokens.observer)
    ).text()
    expect(md).toContain('# Sales &amp; Operations\n\nSession 2\n')
    expect(md).toContain(
      [
        '### Review of the last session’s agreements',
        '',
        '- **A daily rush\\-order slot**',
        '  - Not reviewed yet',
        '- **Weekly S&amp;OP meeting** (Owner: Anna, Due: 2026\\-06\\-01)',
        '  - Partly',
        '  - What chafed: Sales skipped it in May',
      ].join('\n'),
    )
    const pdf = await call(
      `${running.url}/api/workshops/${second.id}/report.pdf?lang=nl`,
      second.tokens.participant,
    )
    const text = (await pdfText(await pdf.arrayBuffer())).replace(/\s+/g, ' ')
    expect(text).toContain('Sessie 2')
    expect(text).toContain(
      'Evaluatie van de afspraken van de vorige sessie• A daily rush-order slotNog niet geëvalueerd• Weekly S&OP meetingEigenaar: Anna · Uiterlijk: 2026-06-01DeelsWat schuurde: Sales skipped it in May',
    )
    // The first session's own exports have no review.
    const firstMd = await (
      await call(`${running.url}/api/workshops/${first.id}/summary.md`, first.tokens.observer)
    ).text()
    expect(firstMd).not.toContain('Review of')
  })
})
