import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addAgreement,
  addNote,
  answerPosition,
  asAgreementId,
  asNoteId,
  linkNotes,
  markPosition,
  userOrigin,
} from '@sparboard/board-model'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { eventually } from '../support/eventually.js'
import { pdfText } from '../support/pdfText.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const origin = userOrigin('fixture')
let running: RunningServer
let w: CreatedWorkshop

/**
 * A board of the method: a solution serving Sales only (one-sided) that became an agreement, a
 * second serving both sides, and a Sales position with an interest found beneath it.
 */
beforeAll(async () => {
  running = await startServer()
  w = await createWorkshop(running.url, {
    title: 'Method',
    goals: ['Deliver on time'],
    sides: ['Sales', 'Operations'],
    cases: [{ title: 'Rush order' }],
    groups: 1,
  })
  const { doc, provider } = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.facilitator)
  await synced(provider)
  const id = asNoteId
  addNote(
    doc,
    id('s1'),
    { category: 'solution', x: 40, y: 820, text: 'Rush slot', author: 'F' },
    origin,
  )
  addNote(
    doc,
    id('s2'),
    { category: 'solution', x: 300, y: 820, text: 'Weekly plan', author: 'F' },
    origin,
  )
  addNote(
    doc,
    id('i0'),
    { category: 'interest', side: 0, x: 20, y: 100, text: 'Keep the customer', author: 'F' },
    origin,
  )
  addNote(
    doc,
    id('i1'),
    { category: 'interest', side: 1, x: 1300, y: 100, text: 'Stable plan', author: 'F' },
    origin,
  )
  addNote(
    doc,
    id('p'),
    {
      category: 'interest',
      side: 0,
      x: 260,
      y: 100,
      text: 'We need two-day delivery',
      author: 'F',
    },
    origin,
  )
  markPosition(doc, id('p'), true, origin)
  answerPosition(
    doc,
    id('p'),
    id('why'),
    { text: 'Customers leave after a week', author: 'F' },
    origin,
  )
  linkNotes(doc, id('s1'), id('i0'), 'F', origin)
  linkNotes(doc, id('s2'), id('i0'), 'F', origin)
  linkNotes(doc, id('s2'), id('i1'), 'F', origin)
  const agreement = (key: string, text: string, solution: string) =>
    addAgreement(
      doc,
      asAgreementId(key),
      {
        text,
        owner: 'Bram',
        due: '',
        author: 'F',
        createdAt: key === 'a1' ? 1 : 2,
        solutionIds: [id(solution)],
        goals: { 0: 'supports' },
      },
      origin,
    )
  agreement('a1', 'Rush slot agreed', 's1')
  agreement('a2', 'Weekly plan agreed', 's2')
  await eventually(async () => {
    const res = await get(`/api/workshops/${w.id}/notes.csv`, w.tokens.facilitator)
    expect(await res.text()).toContain('Customers leave after a week')
  })
  provider.destroy()
})
afterAll(() => running?.stop())

const get = (path: string, token: string) =>
  fetch(`${running.url}${path}`, { headers: { authorization: `Bearer ${token}` } })

describe('exports of the method ([G1] [G2] [G3])', () => {
  it('[G1] [G3] the PDF report: "serves <side>" columns in the matrix, one-sided solutions, positions with the interests beneath them', async () => {
    for (const [lang, words] of [
      [
        'en',
        [
          'serves Sales',
          'serves Operations',
          'One-sided',
          'Positions and the interests beneath them',
          'Serves: Keep the customer',
        ],
      ],
      [
        'nl',
        [
          'dient Sales',
          'dient Operations',
          'Eenzijdig',
          'Standpunten en de belangen eronder',
          'Dient: Keep the customer',
        ],
      ],
    ] as const) {
      const res = await get(`/api/workshops/${w.id}/report.pdf?lang=${lang}`, w.tokens.observer)
      expect(res.status).toBe(200)
      const pdf = await res.arrayBuffer()
      // With SCREENSHOT_DIR set, the report is kept there to look at.
      if (process.env.SCREENSHOT_DIR)
        writeFileSync(`${process.env.SCREENSHOT_DIR}/method-report-${lang}.pdf`, Buffer.from(pdf))
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ')
      for (const word of words) expect(text, lang).toContain(word)
      expect(text).toContain('We need two-day delivery (Sales)')
      expect(text).toContain('→ Customers leave after a week')
    }
  })

  it('[G1] [G3] the Markdown: serves per side for each agreement, the interests a solution serves, positions', async () => {
    const md = await (await get(`/api/workshops/${w.id}/summary.md`, w.tokens.observer)).text()
    expect(md).toContain(
      '| Agreement | Owner | Co-signer | Criterion | Review on | Due | Deliver on time | serves Sales | serves Operations |',
    )
    expect(md).toContain('| Rush slot agreed | Bram |  |  |  |  | supports | ✓ 1 | ✗ |')
    expect(md).toContain('| Weekly plan agreed | Bram |  |  |  |  | supports | ✓ 1 | ✓ 1 |')
    expect(md).toContain('- Rush slot (One-sided)')
    expect(md).toContain('  - Serves: Keep the customer · Stable plan')
    expect(md).toContain('- **We need two-day delivery** (Sales)\n  - Customers leave after a week')
  })

  it('[G1] [G3] the notes CSV: position, links and what each solution serves, by stable columns', async () => {
    const csv = await (await get(`/api/workshops/${w.id}/notes.csv`, w.tokens.observer)).text()
    const [header, ...rows] = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','))
    const col = (name: string) => header!.indexOf(name)
    const row = (id: string) => rows.find((r) => r[col('note_id')] === id)!
    expect(row('s1')[col('serves_side_a')]).toBe('1')
    expect(row('s1')[col('serves_side_b')]).toBe('0')
    expect(row('s1')[col('one_sided')]).toBe('yes')
    expect(row('s2')[col('one_sided')]).toBe('')
    expect(row('s2')[col('linked_to')]).toBe('i0 i1')
    expect(row('p')[col('position')]).toBe('yes')
    expect(row('p')[col('linked_to')]).toBe('why')
  })
})
