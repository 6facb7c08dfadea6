import { createCanvas, loadImage } from '@napi-rs/canvas'
import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readNotes } from '@sparboard/board-model'
import { sceneBounds, SCENE_COLORS } from '@sparboard/board-scene'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { eventually } from '../support/eventually.js'
import { pdfText } from '../support/pdfText.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl, type ControlClient } from './control.support.js'
import { fillKnownBoard, KNOWN_NOTES } from './export.fixture.js'

let running: RunningServer
const controls: ControlClient[] = []

beforeAll(async () => {
  running = await startServer()
})
afterAll(async () => {
  for (const c of controls) c.close()
  await running?.stop()
})

const get = (path: string, token: string) =>
  fetch(`${running.url}${path}`, { headers: { authorization: `Bearer ${token}` } })

/** A workshop whose first board holds the known notes, stored (the exports can read them). */
async function filledWorkshop(): Promise<CreatedWorkshop> {
  const w = await createWorkshop(running.url)
  // The fixture votes in a made-up participant's name: only the facilitator may ([H21]).
  const { doc, provider } = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.facilitator)
  await synced(provider)
  fillKnownBoard(doc)
  await eventually(async () => {
    const csv = await (await get(`/api/workshops/${w.id}/notes.csv`, w.tokens.observer)).text()
    expect(csv.split('\r\n').length).toBeGreaterThan(KNOWN_NOTES.length)
  })
  provider.destroy()
  return w
}

async function control(w: CreatedWorkshop, token: string) {
  const c = openControl(running.url, token)
  controls.push(c)
  await connected(c)
  return c
}

const knownBounds = () => {
  const doc = new Y.Doc()
  fillKnownBoard(doc)
  return sceneBounds(readNotes(doc))
}

/** Pixels of exactly `hex` in the rows `top` to `bottom` of a PNG. */
async function pixelsOf(png: Buffer, hex: string, top: number, bottom: number) {
  const image = await loadImage(png)
  const ctx = createCanvas(image.width, image.height).getContext('2d')
  ctx.drawImage(image, 0, 0)
  const { data } = ctx.getImageData(0, top, image.width, bottom - top)
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  let n = 0
  for (let i = 0; i < data.length; i += 4)
    if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++
  return { n, width: image.width, height: image.height }
}

/** The texts of an SVG's lines, in order. */
const svgLines = (svg: string) =>
  [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!)

describe('the header band and legend of board images', () => {
  let w: CreatedWorkshop
  beforeAll(async () => {
    w = await filledWorkshop()
  })
  const board = () => w.boards[0]!

  it('[E6] is above the board in the PNG by default, with a swatch of each zone, and gone with frame=0', async () => {
    const bounds = knownBounds()
    const res = await get(`/api/boards/${board().id}/export.png`, w.tokens.observer)
    expect(res.status).toBe(200)
    const png = Buffer.from(await res.arrayBuffer())
    if (process.env.SCREENSHOT_DIR) writeFileSync(`${process.env.SCREENSHOT_DIR}/band.png`, png)
    const { width, height } = await pixelsOf(png, '#ffffff', 0, 1)
    expect(width).toBe(bounds.width)
    const band = height - bounds.height
    expect(band).toBeGreaterThan(150)
    // the legend's swatches are painted in the band, in the notes' colours
    for (const key of ['interest0', 'interest1', 'friction', 'solution'] as const)
      expect((await pixelsOf(png, SCENE_COLORS[key].fill, 0, band)).n).toBeGreaterThan(400)

    const bare = Buffer.from(
      await (
        await get(`/api/boards/${board().id}/export.png?frame=0`, w.tokens.observer)
      ).arrayBuffer(),
    )
    expect([bare.readUInt32BE(16), bare.readUInt32BE(20)]).toEqual([bounds.width, bounds.height])
  })

  it('[E6] writes the band as text in the SVG: case, group, workshop and the legend with the side names (en and nl)', async () => {
    const en = svgLines(
      await (await get(`/api/boards/${board().id}/export.svg`, w.tokens.observer)).text(),
    )
    expect(en.slice(0, 2)).toEqual([
      `Rush order — Group ${w.groups[0]!.name}`,
      expect.stringMatching(/^Sales &amp; Operations · \d{1,2} [A-Z][a-z]+ \d{4}$/),
    ])
    // the legend, before the zones' own labels
    expect(en.slice(2, 9)).toEqual([
      'Interests of Sales',
      'Friction points',
      'Interests of Operations',
      'Solutions',
      '3',
      'Votes',
      'Agreement',
    ])
    const nl = svgLines(
      await (await get(`/api/boards/${board().id}/export.svg?lang=nl`, w.tokens.observer)).text(),
    )
    expect(nl[0]).toBe(`Rush order — Groep ${w.groups[0]!.name}`)
    expect(nl).toContain('Belangen van Operations')
    expect(nl).toContain('Stemmen')

    const bare = await (
      await get(`/api/boards/${board().id}/export.svg?frame=0`, w.tokens.observer)
    ).text()
    expect(bare).not.toContain('Rush order — Group')
  })

  it('[E6] answers 400 naming the parameter for a frame other than 0 or 1, or an unknown time zone', async () => {
    for (const path of [
      `/api/boards/${board().id}/export.png?frame=yes`,
      `/api/boards/${board().id}/export.svg?frame=2`,
      `/api/workshops/${w.id}/export.zip?frame=`,
    ]) {
      const res = await get(path, w.tokens.observer)
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({ error: 'frame must be 0 or 1', field: 'frame' })
    }
    for (const path of [
      `/api/boards/${board().id}/export.svg?tz=Mars%2FOlympus`,
      `/api/workshops/${w.id}/summary.md?tz=`,
    ]) {
      const res = await get(path, w.tokens.observer)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { field: string }).field).toBe('tz')
    }
  })
})

describe('exports taken mid-session', () => {
  it('[E7] mark a vote still open, with the time of the counts, in the image band, Markdown, PDF and XLSX', async () => {
    const w = await filledWorkshop()
    const f = await control(w, w.tokens.facilitator)
    expect(await f.send('votes:setBlind', { blind: false })).toEqual({ ok: true })
    expect(await f.send('phase:set', { phase: 'voting' })).toEqual({ ok: true })
    await eventually(() => expect(f.state?.phase).toBe('voting'))
    // exporting does not disturb the session: the same state, no new revision
    const revision = f.state!.revision

    const svg = await (
      await get(`/api/boards/${w.boards[0]!.id}/export.svg`, w.tokens.observer)
    ).text()
    expect(svgLines(svg)[2]).toMatch(/^Voting still open — counts as of \d\d:\d\d UTC$/)
    // the note with votes still shows them: an open round's dots are on the board for all
    expect(svg.match(/<g class="note" data-id="n-e">.*?<\/g>/s)![0]).toContain('>3</tspan>')
    const nl = await (
      await get(
        `/api/boards/${w.boards[0]!.id}/export.svg?lang=nl&tz=Europe%2FAmsterdam`,
        w.tokens.facilitator,
      )
    ).text()
    expect(svgLines(nl)[2]).toMatch(/^Stemronde loopt nog — stand van \d\d:\d\d$/)

    const md = await (await get(`/api/workshops/${w.id}/summary.md`, w.tokens.observer)).text()
    expect(md).toMatch(/^> \*\*Voting still open — counts as of \d\d:\d\d UTC\*\*$/m)
    const pdf = await pdfText(
      await (
        await get(`/api/workshops/${w.id}/report.pdf?lang=nl`, w.tokens.observer)
      ).arrayBuffer(),
    )
    expect(pdf).toMatch(/Stemronde loopt nog — stand van \d\d:\d\d UTC/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(
      await (await get(`/api/workshops/${w.id}/workbook.xlsx`, w.tokens.observer)).arrayBuffer(),
    )
    const lastRow = (name: string) => {
      const sheet = book.getWorksheet(name)!
      return String(sheet.getRow(sheet.rowCount).getCell(1).value)
    }
    expect(lastRow('Votes by side')).toMatch(/^Voting still open — counts as of/)
    expect(lastRow('Notes')).toMatch(/^Voting still open — counts as of/)
    expect(f.state!.revision).toBe(revision)

    // once the round is closed, nothing is marked
    expect(await f.send('votes:close', {})).toEqual({ ok: true })
    await eventually(() => expect(f.state?.voteRound.closed).toBe(true))
    const closed = await (await get(`/api/workshops/${w.id}/summary.md`, w.tokens.observer)).text()
    expect(closed).not.toContain('Voting still open')
  })

  it('[E7][C33] during a blind round an export shows nobody’s dots of that round, to the facilitator or an observer, and says so', async () => {
    const w = await filledWorkshop()
    const boardId = w.boards[0]!.id
    const f = await control(w, w.tokens.facilitator)
    expect(await f.send('phase:set', { phase: 'voting' })).toEqual({ ok: true })
    await eventually(() => expect(f.state?.voteRound.blind).toBe(true))
    const anna = await control(w, w.tokens.participant)
    expect((await anna.send('session:join', { name: 'Anna', side: 0 })).ok).toBe(true)
    // n-f, a solution without votes in the fixture
    expect(await anna.send('votes:cast', { boardId, noteId: 'n-f', delta: 1, side: 0 })).toEqual({
      ok: true,
      mine: { 'n-f': 1 },
    })
    await eventually(() => expect(Object.keys(f.state?.ballotCounts ?? {})).toHaveLength(1))
    for (const token of [w.tokens.facilitator, w.tokens.observer]) {
      const svg = await (await get(`/api/boards/${boardId}/export.svg`, token)).text()
      expect(svgLines(svg)[2]).toMatch(
        /^Blind voting still open — votes are shown once the round closes/,
      )
      const note = svg.match(/<g class="note" data-id="n-f">.*?<\/g>/s)![0]
      expect(note).not.toMatch(/>1<\/tspan>/)
      const csv = await (await get(`/api/workshops/${w.id}/notes.csv`, token)).text()
      const row = csv.split('\r\n').find((r) => r.includes('n-f'))!
      // votes, votes_side_a, votes_side_b
      expect(row).toContain(',0,0,0,')
    }
  })

  it('[E7] mark a private-writing phase: private notes not yet revealed are not in it', async () => {
    const w = await filledWorkshop()
    const f = await control(w, w.tokens.facilitator)
    expect(await f.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
    await eventually(() => expect(f.state?.phase).toBe('interests'))
    const svg = await (
      await get(`/api/boards/${w.boards[0]!.id}/export.svg?lang=nl`, w.tokens.observer)
    ).text()
    expect(svgLines(svg)[2]).toBe(
      'Privé schrijven: nog niet onthulde privénotities staan er niet in',
    )
    const md = await (await get(`/api/workshops/${w.id}/summary.md`, w.tokens.observer)).text()
    expect(md).toContain('> **Private writing: private notes not yet revealed are not included**')
  })
})
