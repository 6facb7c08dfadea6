import { createCanvas, loadImage } from '@napi-rs/canvas'
import { mkdirSync, writeFileSync } from 'node:fs'
import pixelmatch from 'pixelmatch'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { addNotes, asNoteId, readNotes, userOrigin, zoneFor } from '@sparboard/board-model'
import { NOTE_TEXT, SCENE_COLORS, sceneBounds } from '@sparboard/board-scene'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { workshopWithBoard } from '../support/filledBoard.js'
import { startServer, type RunningServer } from '../support/startServer.js'
import { fillKnownBoard, KNOWN_NOTES } from '../integration/export.fixture.js'

/** Long Dutch compounds and a text longer than a note, beside the known board's hard cases. */
const LONG_NOTES = [
  { id: 'l-1', text: 'Capaciteitsdashboard voor de planning' },
  { id: 'l-2', text: 'Omzetdoelstelling' },
  {
    id: 'l-3',
    text: 'Elke week een gezamenlijk overleg over de leverbetrouwbaarheid, de spoedorders en wat de klant daarvan merkt',
  },
] as const

/**
 * The share of pixels that may differ: today 0.045% do (the edges of emoji and CJK glyphs, which
 * the two Skias draw a little apart); a canvas without the cluster frames' outlines and the
 * agreement's check differs in 0.11%.
 */
const MAX_SHARE = 0.00075

let browser: Browser
let running: RunningServer
let w: CreatedWorkshop

function fillBoard(doc: Y.Doc) {
  fillKnownBoard(doc)
  const zone = zoneFor('interest', 0)
  addNotes(
    doc,
    LONG_NOTES.map((n, i) => ({
      id: asNoteId(n.id),
      category: 'interest' as const,
      side: 0 as const,
      x: zone.x + 40 + (i % 2) * 240,
      y: zone.y + 320 + Math.floor(i / 2) * 180,
      text: n.text,
      author: 'Fixture',
    })),
    userOrigin('fixture'),
  )
}

beforeAll(async () => {
  browser = await launchChromium()
  running = await startServer({ clientDir: clientDir() })
  w = await workshopWithBoard(running, fillBoard)
})
afterAll(async () => {
  await browser?.close()
  await running?.stop()
})

/** The board at scale 1 with its scene's top left in the canvas' top left; only canvases show. */
async function canvasAtScale1(bounds: { x: number; y: number }, onlyCanvas = true): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 2600, height: 1700 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    // for the style that hides everything but the canvas
    bypassCSP: true,
  })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  // ?bench installs the page hook that sets the view exactly.
  await page.goto(`${running.url}/w/${w.id}/b/${w.boards[0]!.id}?bench#token=${w.tokens.observer}`)
  await page.locator('[data-testid=connection][data-status=connected]').waitFor()
  await expect
    .poll(() => page.getByTestId('outline').locator('.outline-text').count(), { timeout: 15_000 })
    .toBe(KNOWN_NOTES.length + LONG_NOTES.length)
  await page.evaluate(
    (view) => {
      const hook = (window as unknown as { __sparboardBench: { setView(v: object): void } })
        .__sparboardBench
      hook.setView(view)
    },
    { scale: 1, x: -bounds.x, y: -bounds.y },
  )
  if (onlyCanvas)
    await page.addStyleTag({
      content:
        'html, body { background: #fff !important } body * { visibility: hidden !important; } ' +
        '.board-canvas canvas { visibility: visible !important; }',
    })
  await expect.poll(() => page.getByTestId('board-canvas').getAttribute('data-scale')).toBe('1.000')
  return page
}

async function pixels(png: Buffer, width: number, height: number) {
  const image = await loadImage(png)
  const ctx = createCanvas(width, height).getContext('2d')
  ctx.drawImage(image, 0, 0)
  return ctx.getImageData(0, 0, width, height).data
}

describe('one scene for the canvas and the exports', () => {
  it('draws the board on the canvas as the server PNG shows it, pixel for pixel within a small threshold', async () => {
    const doc = new Y.Doc()
    fillBoard(doc)
    const bounds = sceneBounds(readNotes(doc))
    const page = await canvasAtScale1(bounds)
    const box = (await page.getByTestId('board-canvas').boundingBox())!
    expect(box.width).toBeGreaterThanOrEqual(bounds.width)
    expect(box.height).toBeGreaterThanOrEqual(bounds.height)
    const shot = await page.screenshot({
      clip: { x: box.x, y: box.y, width: bounds.width, height: bounds.height },
    })
    const res = await fetch(
      `${running.url}/api/boards/${w.boards[0]!.id}/export.png?scale=1&lang=en&frame=0`,
      { headers: { authorization: `Bearer ${w.tokens.observer}` } },
    )
    expect(res.status).toBe(200)
    const png = Buffer.from(await res.arrayBuffer())
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([bounds.width, bounds.height])

    const { width, height } = bounds
    const diff = createCanvas(width, height)
    const diffCtx = diff.getContext('2d')
    const out = diffCtx.createImageData(width, height)
    const differing = pixelmatch(
      await pixels(shot, width, height),
      await pixels(png, width, height),
      out.data,
      width,
      height,
      { threshold: 0.1 },
    )
    const share = differing / (width * height)
    if (share >= MAX_SHARE || process.env.SPARBOARD_SCENE_SAVE) {
      mkdirSync('artifacts', { recursive: true })
      diffCtx.putImageData(out, 0, 0)
      writeFileSync('artifacts/scene-pixels.diff.png', await diff.encode('png'))
      writeFileSync('artifacts/scene-pixels.canvas.png', shot)
      writeFileSync('artifacts/scene-pixels.server.png', png)
    }
    console.log(`canvas vs server PNG: ${differing} of ${width * height} pixels differ`)
    expect(share).toBeLessThan(MAX_SHARE)
    await page.context().close()
  })

  it('writes every note in one font size and breaks a long Dutch word at a syllable, in the SVG too', async () => {
    const res = await fetch(`${running.url}/api/boards/${w.boards[0]!.id}/export.svg?lang=nl`, {
      headers: { authorization: `Bearer ${w.tokens.observer}` },
    })
    const svg = await res.text()
    const note = (id: string) =>
      svg.match(new RegExp(`<g class="note" data-id="${id}">.*?</g>`, 's'))![0]
    const lines = (id: string) =>
      [...note(id).matchAll(/<text font-size="(\d+)"[^>]*>(.*?)<\/text>/g)][0]!
    for (const n of [...KNOWN_NOTES, ...LONG_NOTES])
      expect(lines(n.id)[1]).toBe(String(NOTE_TEXT.font.size))
    const compound = [...lines('l-1')[2]!.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((m) => m[1])
    expect(compound[0]).toMatch(/^Capaciteits\w*-$/)
    // the syllables put back together: the whole text, no letter lost or font shrunk
    expect(compound[0]!.slice(0, -1) + compound.slice(1).join(' ')).toBe(LONG_NOTES[0].text)
    const long = lines('l-3')[2]!
    expect(long).toContain('…</tspan>')
    expect(note('l-3')).toContain(`<title>${LONG_NOTES[2].text}</title>`)
  })

  it('shows the whole text of the one selected note, drawn over what lies under it', async () => {
    const doc = new Y.Doc()
    fillBoard(doc)
    const page = await canvasAtScale1(sceneBounds(readNotes(doc)), false)
    const long = readNotes(doc).find((n) => n.id === 'l-3')!
    const canvas = page.getByTestId('board-canvas')
    const below = async () => {
      const [vx, vy, scale] = (await canvas.getAttribute('data-view'))!.split(',').map(Number)
      const box = (await canvas.boundingBox())!
      // just under the note's usual bottom edge
      const x = box.x + vx! + (long.x + 100) * scale!
      const y = box.y + vy! + (long.y + 175) * scale!
      const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } })
      const [r, g, b] = await pixels(png, 1, 1)
      return `#${[r, g, b].map((c) => c!.toString(16).padStart(2, '0')).join('')}`
    }
    expect(await below()).not.toBe(SCENE_COLORS.interest0.fill)
    await page
      .getByTestId('outline')
      .getByRole('button', { name: `Show on the board: ${LONG_NOTES[2].text}` })
      .click()
    await expect.poll(below).toBe(SCENE_COLORS.interest0.fill)
    await page.context().close()
  })
})
