import { describe, expect, it } from 'vitest'
import {
  addAgreement,
  addNote,
  asAgreementId,
  asNoteId,
  userOrigin,
  type AgreementInput,
} from '@sparboard/board-model'
import {
  followUpPath,
  SERIES_HISTORY_LIMIT,
  seriesPath,
  type CreatedFollowUp,
  type CreatedWorkshop,
  type SeriesHistory,
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
    // an empty board is one line, with who brought its case
    expect(text).toContain('Case: Rush order · Group 1 · Brought by: Anna de Vries — no notes yet')
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
    expect(md).toContain('# Sales & Operations\n\nSession 2\n')
    expect(md).toContain(
      [
        '### Review of the last session’s agreements',
        '',
        '- **A daily rush-order slot**',
        '  - Not reviewed yet',
        '- **Weekly S&OP meeting** (Owner: Anna, Due: 1 June 2026)',
        // [C26] the verdict is the facilitator's, and on record
        '  - Partly (set by the facilitator)',
        '  - What chafed: Sales skipped it in May',
        '  - Proposals and verdicts:',
        '    - The facilitator set: Partly (What chafed: Sales skipped it in May)',
      ].join('\n'),
    )
    const pdf = await call(
      `${running.url}/api/workshops/${second.id}/report.pdf?lang=nl`,
      second.tokens.participant,
    )
    // named after its session: it does not overwrite session 1's report in the Downloads folder
    expect(pdf.headers.get('content-disposition')).toMatch(
      /filename\*=UTF-8''Sales-%26-Operations-sessie-2-\d{4}-\d{2}-\d{2}-verslag\.pdf$/,
    )
    const text = (await pdfText(await pdf.arrayBuffer())).replace(/\s+/g, ' ')
    expect(text).toContain('Sessie 2')
    // an item may start a new page (kept with its lines): the page break reads as a space
    expect(text.replace(/ (?=• )/g, '')).toContain(
      'Evaluatie van de afspraken van de vorige sessie• A daily rush-order slotNog niet geëvalueerd• Weekly S&OP meetingEigenaar: Anna · Uiterlijk: 1 juni 2026Deels (vastgesteld door de facilitator)Wat schuurde: Sales skipped it in May',
    )
    // The first session's own exports have no review.
    const firstMd = await (
      await call(`${running.url}/api/workshops/${first.id}/summary.md`, first.tokens.observer)
    ).text()
    expect(firstMd).not.toContain('Review of')
  })
})

describe('the history of a series', () => {
  it('[C21] session 3 reads both earlier sessions: their agreements and how each was judged', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const first = await createWorkshop(
      running.url,
      body([{ title: 'Rush order', broughtBy: 'Anna' }, { title: 'Forecast' }]),
    )
    await agree(running, boardAt(first, 0, 0).id, first.tokens.participant, 's1-weekly', {
      text: 'Weekly S&OP meeting',
      owner: 'Anna',
      due: '2026-06-01',
      goals: { 0: 'supports', 1: 'neutral' },
    })
    await agree(running, boardAt(first, 1, 1).id, first.tokens.participant, 's1-slot', {
      text: 'A daily rush-order slot',
      owner: 'Bram',
      goals: { 1: 'conflicts' },
    })
    // A note of session 1: the history must never carry it.
    const notes = track(
      openBoard(running.wsUrl, boardAt(first, 0, 0).id, first.tokens.participant),
      (b) => b.provider.destroy(),
    )
    await synced(notes.provider)
    addNote(
      notes.doc,
      asNoteId('n-private-thought'),
      { category: 'friction', x: 10, y: 10, text: 'Bram never answers his phone', author: 'Dana' },
      userOrigin('dana'),
    )

    // Session 2 reviews both and makes an agreement of its own.
    const second = await json<CreatedFollowUp>(
      await call(`${running.url}${followUpPath(first.id)}`, first.tokens.facilitator, 'POST'),
    )
    expect(second.review).toBe(2)
    // [C26] the facilitator sets the verdicts
    const fenna = track(openControl(running.url, second.tokens.facilitator), (c) => c.close())
    await connected(fenna)
    const judged = [
      { agreementId: 's1-weekly', status: 'held', chafed: 'Planning came late twice' },
      { agreementId: 's1-slot', status: 'notHeld', chafed: 'Sales booked the slot for everything' },
    ]
    for (const review of judged)
      expect(await fenna.send('review:set', review)).toEqual({ ok: true })
    await agree(running, boardAt(second, 1, 1).id, second.tokens.participant, 's2-gate', {
      text: 'Rush orders need a planner’s yes',
      owner: 'Chris',
      due: '2026-09-01',
      goals: { 0: 'supports', 1: 'supports' },
    })

    const third = await json<CreatedFollowUp>(
      await call(`${running.url}${followUpPath(second.id)}`, second.tokens.facilitator, 'POST'),
    )
    expect(third.review).toBe(1)

    // Every role of session 3 reads the same history.
    const url = `${running.url}${seriesPath(third.id)}`
    const answers = await Promise.all(
      [third.tokens.facilitator, third.tokens.participant, third.tokens.observer].map(
        async (token) => json<SeriesHistory>(await call(url, token)),
      ),
    )
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
    const history = answers[0]!
    expect(history.truncated).toBe(false)
    expect(history.sessions.map((s) => [s.number, s.title])).toEqual([
      [1, 'Sales & Operations'],
      [2, 'Sales & Operations'],
    ])
    const [s1, s2] = history.sessions
    expect(s1!.goals).toEqual(['Deliver on time', 'Grow margin'])
    expect(s1!.boards.map((b) => [b.caseTitle, b.broughtBy, b.groupName])).toEqual([
      ['Rush order', 'Anna', '1'],
      ['Rush order', 'Anna', '2'],
      ['Forecast', '', '1'],
      ['Forecast', '', '2'],
    ])
    expect(s1!.boards[0]!.agreements).toEqual([
      {
        id: 's1-weekly',
        text: 'Weekly S&OP meeting',
        owner: 'Anna',
        ownedBy: null,
        cosigner: null,
        criterion: null,
        due: '2026-06-01',
        reviewOn: '',
        goals: { 0: 'supports', 1: 'neutral' },
      },
    ])
    expect(s1!.boards[3]!.agreements.map((a) => a.text)).toEqual(['A daily rush-order slot'])
    expect(s1!.boards.flatMap((b) => b.review)).toEqual([])
    // Session 2 judged session 1's agreements on the boards of the same case and group.
    expect(s2!.boards[0]!.review).toEqual([
      {
        agreement: {
          id: 's1-weekly',
          text: 'Weekly S&OP meeting',
          owner: 'Anna',
          ownedBy: null,
          cosigner: null,
          criterion: null,
          due: '2026-06-01',
          reviewOn: '',
          goals: { 0: 'supports', 1: 'neutral' },
        },
        // sent as the older `held`: it reads as met
        status: 'met',
        chafed: 'Planning came late twice',
        newTerms: null,
      },
    ])
    expect(s2!.boards[3]!.review.map((r) => [r.agreement.id, r.status, r.chafed])).toEqual([
      ['s1-slot', 'notMet', 'Sales booked the slot for everything'],
    ])
    expect(s2!.boards[3]!.agreements.map((a) => [a.text, a.owner, a.due])).toEqual([
      ['Rush orders need a planner’s yes', 'Chris', '2026-09-01'],
    ])

    // Agreements and reviews only: no tokens, links, workshop or board ids, authors of the earlier sessions.
    const raw = JSON.stringify(history)
    for (const w of [first, second]) {
      for (const token of Object.values(w.tokens)) expect(raw).not.toContain(token)
      expect(raw).not.toContain(w.id)
      for (const b of w.boards) expect(raw).not.toContain(b.id)
    }
    expect(raw).not.toContain('someone')
    expect(raw).not.toContain('Bram never answers')
    expect(raw).not.toContain('Dana')
    expect(raw).not.toContain('/w/')
  })

  it('[C21] only the workshop’s own tokens read its history; a first session has none', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const first = await createWorkshop(running.url)
    const other = await createWorkshop(running.url)
    const second = await json<CreatedFollowUp>(
      await call(`${running.url}${followUpPath(first.id)}`, first.tokens.facilitator, 'POST'),
    )
    const url = `${running.url}${seriesPath(second.id)}`
    expect((await call(url, other.tokens.facilitator)).status).toBe(403)
    // The earlier session's own links do not open the later one.
    expect((await call(url, first.tokens.facilitator)).status).toBe(403)
    expect((await call(url, 'no-such-token')).status).toBe(401)
    expect((await fetch(url)).status).toBe(401)
    const own = await json<SeriesHistory>(await call(url, second.tokens.observer))
    expect(own.sessions.map((s) => s.number)).toEqual([1])
    const none = await json<SeriesHistory>(
      await call(`${running.url}${seriesPath(first.id)}`, first.tokens.participant),
    )
    expect(none).toEqual({ sessions: [], truncated: false })
  })
  it('[C21] the walk back is bounded: a long series is cut off with truncated, a loop ends', async () => {
    const running = track(await startServer(), (r) => r.stop())
    let w: CreatedWorkshop = await createWorkshop(running.url)
    for (let i = 0; i < SERIES_HISTORY_LIMIT + 1; i++)
      w = await json<CreatedFollowUp>(
        await call(`${running.url}${followUpPath(w.id)}`, w.tokens.facilitator, 'POST'),
      )
    const long = await json<SeriesHistory>(
      await call(`${running.url}${seriesPath(w.id)}`, w.tokens.observer),
    )
    expect(long.truncated).toBe(true)
    expect(long.sessions.map((s) => s.number)).toEqual(
      Array.from({ length: SERIES_HISTORY_LIMIT }, (_, i) => i + 2),
    )
    // A store edited by hand so that a first session points at its own follow-up: the walk ends.
    const x = await createWorkshop(running.url)
    const y = await json<CreatedFollowUp>(
      await call(`${running.url}${followUpPath(x.id)}`, x.tokens.facilitator, 'POST'),
    )
    await running.server.store.saveSession(x.id, {
      ...((await running.server.store.getSession(x.id)) ?? {}),
      series: { number: 1, previousId: y.id },
    })
    const looped = await json<SeriesHistory>(
      await call(`${running.url}${seriesPath(y.id)}`, y.tokens.observer),
    )
    expect(looped.sessions.map((s) => s.number)).toEqual([1])
  })
})
