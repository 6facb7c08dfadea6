import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'
import { fillKnownBoard, KNOWN_AGREEMENTS, KNOWN_NOTES } from './export.fixture.js'

let running: RunningServer
let w: CreatedWorkshop

beforeAll(async () => {
  running = await startServer()
  w = await createWorkshop(running.url)
  // The fixture votes in a made-up participant's name: only the facilitator may ([H21]).
  const { doc, provider } = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.facilitator)
  await synced(provider)
  fillKnownBoard(doc)
  for (const [name, side] of [
    ['Anna', 0],
    ['Bram', 1],
  ] as const) {
    const c = openControl(running.url, w.tokens.participant)
    await connected(c)
    expect((await c.send('session:join', { name, side, groupId: w.groups[0]!.id })).ok).toBe(true)
    c.close()
  }
  await eventually(async () => {
    const sheet = (await workbook(w.tokens.facilitator)).getWorksheet('Notes')!
    expect(sheet.rowCount).toBe(KNOWN_NOTES.length + 1)
  })
  provider.destroy()
})
afterAll(() => running?.stop())

const download = (token: string, query = '') =>
  fetch(`${running.url}/api/workshops/${w.id}/workbook.xlsx${query}`, {
    headers: { authorization: `Bearer ${token}` },
  })

/** The workbook as a spreadsheet program reads it. */
async function workbook(token: string, query = '') {
  const res = await download(token, query)
  expect(res.status).toBe(200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(await res.arrayBuffer())
  return book
}

/** A sheet's rows as plain values, the header first. */
const rows = (sheet: ExcelJS.Worksheet) => {
  const out: unknown[][] = []
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
  return out
}

describe('the XLSX workbook', () => {
  it('holds every note with its votes by side, as text even where it looks like a formula', async () => {
    const book = await workbook(w.tokens.observer)
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Notes',
      'Votes by side',
      'Agreements',
      'Positions',
      'Participants',
    ])
    const [header, ...notes] = rows(book.getWorksheet('Notes')!)
    expect(header).toEqual([
      'Case',
      'Group',
      'Kind',
      'Side',
      'Text',
      'Votes',
      'Votes Sales',
      'Votes Operations',
      'Written by side',
      'Cluster',
      'Marks',
    ])
    expect(notes.map((r) => r[4]).sort()).toEqual(KNOWN_NOTES.map((n) => n.text).sort())
    const formula = book
      .getWorksheet('Notes')!
      .getCell(notes.findIndex((r) => String(r[4]).startsWith('=HYPERLINK')) + 2, 5)
    expect(formula.type).toBe(ExcelJS.ValueType.String)
    // n-e has 3 votes: 2 from Sales, 1 from Operations; the votes sheet lists it first
    const [, first] = rows(book.getWorksheet('Votes by side')!)
    expect(first!.slice(3)).toEqual(['納期の共有 weekly', 2, 1, 3])
  })

  it('lists the agreements with owner, owner’s side, co-signer, criterion, review and due dates and a score column per goal', async () => {
    const book = await workbook(w.tokens.participant, '?lang=nl')
    const [header, ...agreements] = rows(book.getWorksheet('Afspraken')!)
    expect(header!.slice(3)).toEqual([
      'Afspraak',
      'Eigenaar',
      'Kant',
      'Medeondertekenaar',
      'Criterium',
      'Evaluatie op',
      'Uiterlijk',
      'Deliver on time',
      'Grow margin',
      'Oordeel',
      'In de reeks',
      'Dient Sales',
      'Dient Operations',
    ])
    const bram = agreements.find((r) => r[3] === KNOWN_AGREEMENTS[0].text)!
    // an agreement of before checkable agreements: no co-signer, criterion or review date
    expect(bram.slice(4, 12)).toEqual([
      'Bram',
      'Operations',
      '',
      '',
      undefined,
      new Date('2026-12-01T00:00:00Z'),
      'ondersteunt',
      'botst',
    ])
    expect(agreements.map((r) => r[3])).toEqual(KNOWN_AGREEMENTS.map((a) => a.text))
  })

  it('counts participants per side, and names them only when the facilitator asks', async () => {
    const counts = rows(
      (await workbook(w.tokens.participant, '?names=1')).getWorksheet('Participants')!,
    )
    expect(counts.slice(0, 4)).toEqual([
      ['Side', 'People'],
      ['Sales', 1],
      ['Operations', 1],
      ['Other', 0],
    ])
    expect(JSON.stringify(counts)).not.toMatch(/Anna|Bram/)
    const named = rows(
      (await workbook(w.tokens.facilitator, '?names=1')).getWorksheet('Participants')!,
    )
    expect(named).toEqual([
      ['Name', 'Side', 'Group'],
      ['Anna', 'Sales', w.groups[0]!.name],
      ['Bram', 'Operations', w.groups[0]!.name],
    ])
  })

  it('answers 400 naming the field for a names value it does not know', async () => {
    const res = await download(w.tokens.facilitator, '?names=yes')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'names must be 0 or 1', field: 'names' })
  })
})
