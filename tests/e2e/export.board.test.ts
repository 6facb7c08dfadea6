import { createCanvas, loadImage } from '@napi-rs/canvas'
import { readFileSync, writeFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { readNotes, zoneFor } from '@sparboard/board-model'
import { sceneBounds, SCENE_COLORS } from '@sparboard/board-scene'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { fillKnownBoard, KNOWN_NOTES } from '../integration/export.fixture.js'

let browser: Browser
let running: RunningServer
let w: CreatedWorkshop
const knownNotes = () => {
  const doc = new Y.Doc()
  fillKnownBoard(doc)
  return readNotes(doc)
}

beforeAll(async () => {
  browser = await launchChromium()
  running = await startServer({ clientDir: clientDir() })
  w = await createWorkshop(running.url)
  // The fixture votes in a made-up participant's name: only the facilitator may ([H21]).
  const { doc, provider } = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.facilitator)
  await synced(provider)
  fillKnownBoard(doc)
  provider.destroy()
})
afterAll(async () => {
  await browser?.close()
  await running?.stop()
})

/** An observer opens the board: read-only, no name asked, and allowed to export. */
async function openAsObserver(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    acceptDownloads: true,
  })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  await page.goto(`${running.url}/w/${w.id}/b/${w.boards[0]!.id}#token=${w.tokens.observer}`)
  await page.locator('[data-testid=connection][data-status=connected]').waitFor()
  await expect
    .poll(() => page.getByTestId('outline').locator('.outline-text').count())
    .toBe(KNOWN_NOTES.length)
  return page
}

/** Picks an item of the board's export menu; `frame: false` unticks "Header and legend" first. */
async function exportFrom(page: Page, item: string, { frame = true } = {}): Promise<Buffer> {
  await page.getByTestId('board-export').getByText('Export', { exact: true }).click()
  if (!frame) await page.getByLabel('Header and legend').uncheck()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: item }).click(),
  ])
  return readFileSync((await download.path())!)
}

describe('exporting a board in Chromium', () => {
  it('downloads a PNG of the whole board at the bounds times the pixel ratio', async () => {
    const page = await openAsObserver()
    const png = await exportFrom(page, 'PNG 2x', { frame: false })
    if (process.env.SPARBOARD_EXPORT_SAVE) writeFileSync(process.env.SPARBOARD_EXPORT_SAVE, png)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    const bounds = sceneBounds(knownNotes())
    // IHDR: width and height, big-endian, right after the signature and chunk header
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      bounds.width * 2,
      bounds.height * 2,
    ])
    // Not blank: the note in the friction zone shows in its colour.
    const image = await loadImage(png)
    const ctx = createCanvas(image.width, image.height).getContext('2d')
    ctx.drawImage(image, 0, 0)
    const zone = zoneFor('friction', null)
    // a spot of the first friction note below its text and above its author
    const at = { x: (zone.x + 140 - bounds.x) * 2, y: (zone.y + 235 - bounds.y) * 2 }
    const [r, g, b] = ctx.getImageData(at.x, at.y, 1, 1).data
    const hex = `#${[r, g, b].map((c) => c!.toString(16).padStart(2, '0')).join('')}`
    expect(hex).toBe(SCENE_COLORS.friction.fill)
    await page.context().close()
  })

  it('downloads an SVG with every note text as real text, under its header band', async () => {
    const page = await openAsObserver()
    const svg = (await exportFrom(page, 'SVG (text stays text)')).toString('utf8')
    expect(svg).toMatch(/^<\?xml/)
    // the band names the board and its workshop, and the legend the sides, as text
    const c = w.cases[0]!.title
    const g = w.groups[0]!.name
    expect(svg).toContain(`>${c} — Group ${g}</tspan>`)
    expect(svg).toContain(`>${w.title.replace('&', '&amp;')} · `)
    expect(svg).toContain('>Votes</tspan>')
    for (const n of [
      'Klanten één dag eerder beloven',
      '納期の共有 weekly',
      'Planning ligt 2 weken vast 🚚',
    ])
      expect(svg).toContain(`<title>${n}</title>`)
    await page.context().close()
  })

  it('downloads only the selected note, cropped to it', async () => {
    const page = await openAsObserver()
    const text = 'Klanten één dag eerder beloven'
    await page.getByRole('button', { name: `Show on the board: ${text}` }).click()
    const png = await exportFrom(page, 'Selected notes as PNG 2x')
    const note = knownNotes().find((n) => n.text === text)!
    const bounds = sceneBounds([note], false)
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      bounds.width * 2,
      bounds.height * 2,
    ])
    await page.context().close()
  })
})
