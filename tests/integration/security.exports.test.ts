import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { addNote, asNoteId, userOrigin } from '@sparboard/board-model'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()

const Payload = {
  img: '<img src=x onerror="alert(1)">',
  svg: '<svg onload="alert(1)"><script>alert(1)</script></svg>',
  cdata: ']]><script>alert(1)</script>',
  formula: '=HYPERLINK("http://evil.example","Klik")',
  plus: '+1+cmd|" /C calc"!A0',
  at: '@SUM(1+1)*cmd|" /C calc"!A0',
  markdown: '[klik](javascript:alert(1)) <script>alert(1)</script>',
} as const
const RTL = '\u202E'

/** A workshop whose every text is an attack, with notes written through y-websocket. */
async function hostileWorkshop() {
  const r = track(await startServer(), (s) => s.stop())
  const w = await createWorkshop(r.url, {
    title: `${Payload.img}${RTL}fdp.exe`,
    goals: [Payload.svg, Payload.formula],
    sides: [Payload.img, Payload.at.slice(0, 60)],
    cases: [{ title: `../../${RTL}gpj.exe ${Payload.cdata}`, description: Payload.markdown }],
    groups: 1,
  })
  const board = w.boards[0]!.id
  const { doc, provider } = openBoard(r.wsUrl, board, w.tokens.participant)
  track(provider, (p) => p.destroy())
  await synced(provider)
  Object.values(Payload).forEach((text, i) =>
    addNote(
      doc,
      asNoteId(`n${i}`),
      { category: 'friction', x: 900, y: 100 + 170 * i, text, author: Payload.plus },
      userOrigin('attacker'),
    ),
  )
  await eventually(async () =>
    expect((await r.server.store.loadBoard(board)).updates.length).toBeGreaterThan(0),
  )
  const get = (path: string) =>
    fetch(`${r.url}${path}`, { headers: { authorization: `Bearer ${w.tokens.observer}` } })
  return { w, board, get }
}

describe('exports of hostile text', () => {
  it('the board SVG carries every payload as text, never as markup', async () => {
    const { board, get } = await hostileWorkshop()
    const res = await get(`/api/boards/${board}/export.svg`)
    expect(res.status).toBe(200)
    const svg = await res.text()
    // Only markup counts: text nodes may say anything once their "<" is escaped.
    const markup = svg.replace(/>[^<]*</g, '><')
    expect(markup).not.toMatch(
      /<(script|img|foreignObject|a|iframe)[\s>/]|\son\w+\s*=|javascript:/i,
    )
    expect(svg).toContain('&lt;img src=x onerror=')
  })

  it('the notes CSV defuses every cell a spreadsheet would run', async () => {
    const { w, get } = await hostileWorkshop()
    const csv = await (await get(`/api/workshops/${w.id}/notes.csv`)).text()
    for (const attack of [Payload.formula, Payload.plus, Payload.at]) {
      expect(csv).toContain(`'${attack.replace(/"/g, '""')}`)
      expect(csv).not.toMatch(
        new RegExp(`(^|,)"?${attack.slice(0, 5).replace(/[+|()]/g, '\\$&')}`, 'm'),
      )
    }
  })

  it('the served notes CSV, read by a CSV parser, has every formula start defused: = + - @ tab CR', async () => {
    const r = track(await startServer(), (s) => s.stop())
    const w = await createWorkshop(r.url, {
      title: 'Formules',
      goals: ['Op tijd'],
      sides: ['=Sales', '@Operations'],
      cases: [{ title: '-Spoedorder', description: '' }],
      groups: 1,
    })
    const board = w.boards[0]!.id
    const { doc, provider } = openBoard(r.wsUrl, board, w.tokens.participant)
    track(provider, (p) => p.destroy())
    await synced(provider)
    // Each start a spreadsheet turns into a formula, and two plain texts that must stay as they are.
    const texts: Record<string, string> = {
      eq: '=HYPERLINK("http://evil.example","Klik")',
      plus: '+31 20 555 0100',
      minus: '-2+3',
      at: '@SUM(1+1)',
      tab: '\t=1+1',
      cr: '\r=1+1',
      plain: 'Spoed, "echt"\nnu',
      inner: 'a = b + c',
    }
    Object.entries(texts).forEach(([id, text], i) =>
      addNote(
        doc,
        asNoteId(id),
        { category: 'friction', x: 900, y: 100 + 170 * i, text, author: 'p', authorSide: 0 },
        userOrigin('p'),
      ),
    )
    await eventually(async () =>
      expect((await r.server.store.loadBoard(board)).updates.length).toBeGreaterThan(0),
    )
    // English (',') and Dutch (';' between cells), each read with its own delimiter.
    for (const [lang, delimiter] of [
      ['en', ','],
      ['nl', ';'],
    ] as const) {
      const res = await fetch(`${r.url}/api/workshops/${w.id}/notes.csv?lang=${lang}`, {
        headers: { authorization: `Bearer ${w.tokens.observer}` },
      })
      expect(res.status).toBe(200)
      const rows: string[][] = parse(await res.text(), { bom: true, delimiter })
      const [header, ...notes] = rows
      const col = (name: string) => header!.indexOf(name)
      expect(notes, lang).toHaveLength(Object.keys(texts).length)
      const byId = new Map(notes.map((row) => [row[col('note_id')]!, row]))
      for (const id of ['eq', 'plus', 'minus', 'at', 'tab', 'cr'])
        expect(byId.get(id)![col('text')], `${lang} ${id}`).toBe(`'${texts[id]}`)
      expect(byId.get('plain')![col('text')]).toBe(texts.plain)
      expect(byId.get('inner')![col('text')]).toBe(texts.inner)
      // The workshop's own texts (side names, case title) are cells too.
      expect(byId.get('eq')![col('author_side')]).toBe("'=Sales")
      expect(byId.get('eq')![col('case')]).toBe("'-Spoedorder")
      // No cell of any row starts as a formula.
      for (const cell of rows.flat()) expect(cell, lang).not.toMatch(/^[=+\-@\t\r]/)
    }
  })

  it('the Markdown summary shows the payloads as literal text', async () => {
    const { w, get } = await hostileWorkshop()
    const md = await (await get(`/api/workshops/${w.id}/summary.md`)).text()
    // escaped (`\<`, `\]`): a CommonMark renderer shows them as text
    expect(md).not.toMatch(/(?<!\\)<(script|img|svg)|(?<!\\)\]\(javascript:/i)
  })
})

/** The file name a browser would save, from Content-Disposition. */
function savedName(header: string | null): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1]
  return star ? decodeURIComponent(star) : (/filename="([^"]*)"/.exec(header ?? '')?.[1] ?? '')
}

describe('download names of hostile titles', () => {
  it('download names have no path, no RTL override and keep their real extension', async () => {
    const { w, board, get } = await hostileWorkshop()
    for (const path of [
      `/api/boards/${board}/export.svg`,
      `/api/boards/${board}/export.png`,
      `/api/workshops/${w.id}/notes.csv`,
      `/api/workshops/${w.id}/report.pdf`,
      `/api/workshops/${w.id}/export.zip`,
    ]) {
      const res = await get(path)
      const name = savedName(res.headers.get('content-disposition'))
      // eslint-disable-next-line no-control-regex -- control characters are what it looks for
      expect(name, path).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e\u2066-\u2069]/)
      expect(name.startsWith('.'), path).toBe(false)
      expect(name.endsWith(path.slice(path.lastIndexOf('.'))), path).toBe(true)
    }
  })
})
