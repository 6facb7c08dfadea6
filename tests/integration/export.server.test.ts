import { loadImage, createCanvas } from '@napi-rs/canvas'
import { writeFileSync } from 'node:fs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { readNotes, ZONES } from '@sparboard/board-model'
import {
  AGREEMENT_MARKER,
  AGREEMENT_MARKER_SHAPES,
  sceneBounds,
  SCENE_COLORS,
  sceneColorKey,
} from '@sparboard/board-scene'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { eventually } from '../support/eventually.js'
import { pdfText } from '../support/pdfText.js'
import { fillKnownBoard, KNOWN_AGREEMENTS, KNOWN_NOTES } from './export.fixture.js'

let running: RunningServer
let w: CreatedWorkshop
let other: CreatedWorkshop
const notes = () => {
  const doc = new Y.Doc()
  fillKnownBoard(doc)
  return readNotes(doc)
}

beforeAll(async () => {
  running = await startServer()
  w = await createWorkshop(running.url)
  other = await createWorkshop(running.url)
  // Fill the first board through a stock y-websocket client, then leave: the board unloads and
  // later exports read it from the store.
  // The fixture votes in a made-up participant's name: only the facilitator may ([H21]).
  const { doc, provider } = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.facilitator)
  await synced(provider)
  fillKnownBoard(doc)
  await eventually(async () => {
    const res = await get(`/api/workshops/${w.id}/notes.csv`, w.tokens.facilitator)
    expect((await res.text()).split('\r\n').length).toBeGreaterThan(KNOWN_NOTES.length)
  })
  provider.destroy()
})
afterAll(() => running?.stop())

const get = (path: string, token?: string) =>
  fetch(`${running.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})
const board = () => w.boards[0]!

/** Pixels of exactly `hex` inside a rectangle of the image. */
function countColor(
  data: Uint8ClampedArray,
  width: number,
  rect: { x: number; y: number; width: number; height: number },
  hex: string,
) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  let n = 0
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const i = (y * width + x) * 4
      if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++
    }
  }
  return n
}

/** A minimal well-formedness check: every element that opens is closed, in order. */
function tagsBalance(xml: string): boolean {
  const stack: string[] = []
  for (const m of xml
    .replace(/<\?[^>]*\?>/g, '')
    .matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (m[3]) continue
    if (!m[1]) stack.push(m[2]!)
    else if (stack.pop() !== m[2]) return false
  }
  return stack.length === 0 && !/<(?![/?a-zA-Z!])/.test(xml)
}

/** RFC 4180 rows. */
function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [[]]
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"'
      i++
    } else if (c === '"') {
      quoted = !quoted
    } else if (!quoted && c === separator) {
      rows.at(-1)!.push(cell)
      cell = ''
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.at(-1)!.push(cell)
      rows.push([])
      cell = ''
      i++
    } else {
      cell += c
    }
  }
  return rows.filter((r) => r.length > 1)
}

describe('board images', () => {
  it('renders the PNG at the board bounds, with notes painted in every zone', async () => {
    const res = await get(`/api/boards/${board().id}/export.png?frame=0`, w.tokens.participant)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    const image = await loadImage(Buffer.from(await res.arrayBuffer()))
    const bounds = sceneBounds(notes())
    expect([image.width, image.height]).toEqual([bounds.width, bounds.height])
    const canvas = createCanvas(image.width, image.height)
    const ctx = canvas.getContext('2d')
    ctx.drawImage(image, 0, 0)
    const { data } = ctx.getImageData(0, 0, image.width, image.height)
    for (const zone of ZONES) {
      const rect = { ...zone, x: zone.x - bounds.x, y: zone.y - bounds.y }
      // the notes in the zone show in their category's colour
      expect(
        countColor(data, image.width, rect, SCENE_COLORS[sceneColorKey(zone)].fill),
      ).toBeGreaterThan(5000)
    }
  })

  it('marks the solution that became an agreement, in the PNG and in the SVG', async () => {
    const res = await get(`/api/boards/${board().id}/export.png?frame=0`, w.tokens.participant)
    const png = Buffer.from(await res.arrayBuffer())
    if (process.env.SCREENSHOT_DIR) writeFileSync(`${process.env.SCREENSHOT_DIR}/export.png`, png)
    const image = await loadImage(png)
    const ctx = createCanvas(image.width, image.height).getContext('2d')
    ctx.drawImage(image, 0, 0)
    const { data } = ctx.getImageData(0, 0, image.width, image.height)
    const bounds = sceneBounds(notes())
    const markerOf = (id: string) => {
      const note = notes().find((n) => n.id === id)!
      const { x, y, size } = AGREEMENT_MARKER
      return { x: note.x + x - bounds.x, y: note.y + y - bounds.y, width: size, height: size }
    }
    const green = AGREEMENT_MARKER_SHAPES.seal.fill
    // n-e became both agreements of the fixture; n-f, a solution too, none
    expect(countColor(data, image.width, markerOf('n-e'), green)).toBeGreaterThan(150)
    expect(countColor(data, image.width, markerOf('n-f'), green)).toBe(0)

    const svg = await (await get(`/api/boards/${board().id}/export.svg`, w.tokens.observer)).text()
    const noteSvg = (id: string) =>
      svg.match(new RegExp(`<g class="note" data-id="${id}">.*?</g>`, 's'))![0]
    expect(noteSvg('n-e')).toContain(`d="${AGREEMENT_MARKER_SHAPES.check.data}"`)
    expect(noteSvg('n-e')).toContain(`fill="${green}"`)
    expect(noteSvg('n-f')).not.toContain('<path')
  })

  it('renders the PNG at 2x with twice the pixels per side', async () => {
    const res = await get(
      `/api/boards/${board().id}/export.png?scale=2&frame=0`,
      w.tokens.participant,
    )
    const image = await loadImage(Buffer.from(await res.arrayBuffer()))
    const bounds = sceneBounds(notes())
    expect([image.width, image.height]).toEqual([bounds.width * 2, bounds.height * 2])
  })

  it('writes an SVG that parses and holds every note text, escaped', async () => {
    const res = await get(`/api/boards/${board().id}/export.svg?token=${w.tokens.observer}`)
    expect(res.status).toBe(200)
    const svg = await res.text()
    expect(tagsBalance(svg)).toBe(true)
    // the board's font travels with the file
    expect(svg).toContain("@font-face { font-family: 'Noto Sans'; font-weight: 700;")
    const image = await loadImage(Buffer.from(svg))
    expect(image.width).toBe(sceneBounds(notes()).width)
    const escape = (s: string) =>
      s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    for (const n of KNOWN_NOTES) expect(svg).toContain(`<title>${escape(n.text)}</title>`)
    expect(svg).not.toContain('<script>')
  })
})

describe('workshop exports', () => {
  it('writes a PDF report with every agreement and every note, owners and the strategy check', async () => {
    const res = await get(`/api/workshops/${w.id}/report.pdf`, w.tokens.facilitator)
    expect(res.status).toBe(200)
    const text = (await pdfText(await res.arrayBuffer())).replace(/\s+/g, ' ')
    for (const a of KNOWN_AGREEMENTS) {
      expect(text).toContain(a.text.replace(' 👍', ''))
      expect(text).toContain(`Owner: ${a.owner}`)
    }
    expect(text).toContain('Deliver on time: supports')
    expect(text).toContain('Grow margin: conflicts')
    for (const n of KNOWN_NOTES.filter((n) => !/[🚚\n]/u.test(n.text)))
      expect(text).toContain(n.text)
    // what each side valued: the method compares them
    expect(text).toContain('(3 votes: Sales 2, Operations 1)')
    expect(text).toContain('(1 vote: Sales 1, Operations 0)')
  })

  it('writes a CSV that round-trips every note, with formulas defused', async () => {
    const res = await get(`/api/workshops/${w.id}/notes.csv?token=${w.tokens.observer}`)
    expect(res.status).toBe(200)
    const body = await res.text()
    const [header, ...rows] = parseCsv(body.replace(/^\ufeff/, ''))
    expect(header).toEqual([
      'case',
      'group',
      'board_id',
      'note_id',
      'category',
      'side',
      'text',
      'votes',
      'votes_side_a',
      'votes_side_b',
      'author_side',
      'cluster',
      'position',
      'linked_to',
      'serves_side_a',
      'serves_side_b',
      'one_sided',
    ])
    expect(rows).toHaveLength(KNOWN_NOTES.length)
    const sides = ['Sales', 'Operations']
    for (const n of KNOWN_NOTES) {
      const row = rows.find((r) => r[3] === n.id)!
      const text = /^[=+\-@\t]/.test(n.text) ? `'${n.text}` : n.text
      expect(row).toEqual([
        'Rush order',
        w.groups.find((g) => g.id === board().groupId)!.name,
        board().id,
        n.id,
        n.category,
        'side' in n ? sides[n.side] : '',
        text,
        ...({ 'n-e': ['3', '2', '1'], 'n-c': ['1', '1', '0'] }[n.id as string] ?? ['0', '0', '0']),
        sides[n.authorSide],
        n.id === 'n-c' || n.id === 'n-d' ? 'Spoed' : '',
        // [G1] [G3] no positions or links on this board: solutions serve no one yet
        '',
        '',
        ...(n.category === 'solution' ? ['0', '0'] : ['', '']),
        '',
      ])
    }
    expect(body).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`)
  })

  it('writes a Dutch CSV that Excel opens in columns: a BOM, `;` between cells, the same keys', async () => {
    const res = await get(`/api/workshops/${w.id}/notes.csv?lang=nl`, w.tokens.observer)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const body = new TextDecoder().decode(bytes)
    const [header, ...rows] = parseCsv(body, ';')
    expect(header).toHaveLength(17)
    expect(header![0]).toBe('case')
    expect(rows).toHaveLength(KNOWN_NOTES.length)
    // a comma inside a cell is plain text now; the separator inside one is quoted
    for (const n of KNOWN_NOTES) expect(rows.find((r) => r[3] === n.id)).toHaveLength(17)
    expect(parseCsv(body, ',').every((r) => r.length < 17)).toBe(true)
  })

  it('writes Markdown in which note text cannot inject markup', async () => {
    const md = await (await get(`/api/workshops/${w.id}/summary.md`, w.tokens.observer)).text()
    expect(md).toContain('Spoedorders \\<script>alert(1)\\</script> & "rush"')
    expect(md).toContain('-1 dag buffer, met \\*\\*overleg\\*\\* \\[link\\](x)')
    expect(md).not.toMatch(/(?<!\\)<script>|(?<!\\)\*\*overleg|(?<!\\)\]\(x\)/)
    // owner, co-signer, criterion, review date, due date: an older agreement has only the owner
    expect(md).toContain('| Wekelijks capaciteitsoverleg | Bram |  |  |  | 1 December 2026 |')
    expect(md).toContain('- 納期の共有 weekly (3 votes: Sales 2, Operations 1)')
  })

  it('zips a PNG per board', async () => {
    const res = await get(`/api/workshops/${w.id}/export.zip`, w.tokens.facilitator)
    const zip = await JSZip.loadAsync(await res.arrayBuffer())
    const names = Object.keys(zip.files).sort()
    expect(names).toHaveLength(w.boards.length)
    for (const name of names) {
      const image = await loadImage(await zip.file(name)!.async('nodebuffer'))
      expect(image.width).toBeGreaterThan(1000)
    }
  })

  it('zips the boards of a case whose title fills the file name, one file per group', async () => {
    // A title this long cut both groups' names to the same 120 characters, and the ZIP's
    // de-duplication loop never ended: the server sat at 100 % CPU until restarted.
    const long = await createWorkshop(running.url, {
      title: 'Long case title',
      goals: ['Deliver on time'],
      sides: ['Sales', 'Operations'],
      cases: [{ title: 'Spoedorder '.repeat(10) + 'klant' }],
      groups: 3,
    })
    const res = await get(`/api/workshops/${long.id}/export.zip`, long.tokens.observer)
    expect(res.status).toBe(200)
    const names = Object.keys((await JSZip.loadAsync(await res.arrayBuffer())).files)
    expect(new Set(names).size).toBe(3)
    for (const name of names) expect(name).toMatch(/^Spoedorder .{0,110}\.png$/)
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200)
  })

  it('exports a board that is open right now from its live document', async () => {
    const { doc, provider } = openBoard(running.wsUrl, w.boards[1]!.id, w.tokens.facilitator)
    await synced(provider)
    fillKnownBoard(doc)
    await eventually(async () => {
      const svg = await (
        await get(`/api/boards/${w.boards[1]!.id}/export.svg`, w.tokens.observer)
      ).text()
      expect(svg).toContain('納期の共有 weekly')
    })
    provider.destroy()
  })
})

describe('load', () => {
  it('answers 503 with Retry-After past 8 waiting exports, and serves again after', async () => {
    const path = `/api/boards/${board().id}/export.png?scale=3`
    const statuses = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const res = await get(path, w.tokens.participant)
        await res.arrayBuffer()
        return [res.status, res.headers.get('retry-after')] as const
      }),
    )
    expect(statuses.filter(([s]) => s === 200)).toHaveLength(8)
    expect(statuses.filter(([s]) => s === 503)).toEqual(Array(4).fill([503, '5']))
    expect((await get(path, w.tokens.participant)).status).toBe(200)
    // Nine renders at 3x, one after the other in one worker that yields to the boards: on a
    // loaded 2-core machine that takes more than the default minute.
  }, 240_000)
})

describe('who may export', () => {
  it.each([
    ['facilitator', 200],
    ['participant', 200],
    ['observer', 200],
  ] as const)('lets the %s export', async (role, status) => {
    for (const path of [
      `/api/boards/${board().id}/export.png`,
      `/api/workshops/${w.id}/summary.md`,
    ]) {
      expect((await get(path, w.tokens[role])).status).toBe(status)
    }
  })

  it('answers 403 to a token of another workshop, 401 to an unknown or missing one', async () => {
    for (const path of [
      `/api/boards/${board().id}/export.png`,
      `/api/boards/${board().id}/export.svg`,
      `/api/workshops/${w.id}/export.zip`,
      `/api/workshops/${w.id}/report.pdf`,
      `/api/workshops/${w.id}/notes.csv`,
      `/api/workshops/${w.id}/summary.md`,
    ]) {
      expect((await get(path, other.tokens.facilitator)).status).toBe(403)
      expect((await get(path, 'not-a-token')).status).toBe(401)
      expect((await get(path)).status).toBe(401)
    }
  })
})
