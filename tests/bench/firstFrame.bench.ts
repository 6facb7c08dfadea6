/**
 * `pnpm bench:first-frame`: a participant opens the link of a board with 500 notes in headless
 * Chromium (a fresh browser context each run: nothing cached); the figure is the time from the
 * navigation's start until the first frame drawn with the board's notes on the canvas. Also what
 * the board route loads: the files it fetched, their sizes from the Vite build manifest (raw and
 * gzip), and by module (from the source maps) how much of it is export, PDF or facilitator code.
 * Not a test: it prints figures.
 */
import { rmSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import type { Browser } from 'playwright-core'
import { addNotes, asNoteId, NOTE_SIZE, userOrigin } from '@sparboard/board-model'
import { launchChromium } from '../support/browser.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import {
  areaOf,
  buildClientWithManifest,
  bytesBySource,
  entryGraph,
  fileSize,
  notForTheBoard,
  workspacePath,
} from './bundleReport.js'
import { fmt, median } from './relayFigures.js'

const NOTES = Number(process.env.BENCH_NOTES ?? 500)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const CATEGORIES = ['interest', 'friction', 'solution'] as const

interface Loaded {
  /** ms from navigation start to the first frame with notes on the canvas. */
  readonly firstFrameMs: number
  readonly domContentLoadedMs: number
  /** JS and CSS files the page fetched before that frame, as paths. */
  readonly files: string[]
}

async function load(browser: Browser, link: string, screenshot?: string): Promise<Loaded> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  // a returning participant: the browser knows their name and side, so no dialog waits for them
  await context.addInitScript(() => {
    localStorage.setItem('sparboard.name', 'Bench')
    localStorage.setItem('sparboard.side', '0')
  })
  // tsx keeps function names with a __name helper that the page does not have.
  await context.addInitScript('window.__name = (f) => f')
  // Konva puts itself on window; its notes layer (the second) has shapes once notes are in view,
  // and the frame after that has drawn them.
  await context.addInitScript(() => {
    type Stage = { getLayers(): { getChildren(): unknown[] }[] }
    const w = window as unknown as {
      Konva?: { stages: Stage[] }
      __firstFrame?: number
    }
    const tick = () => {
      const shapes = w.Konva?.stages[0]?.getLayers()[1]?.getChildren().length ?? 0
      if (shapes >= 2) requestAnimationFrame(() => (w.__firstFrame = performance.now()))
      else requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  const page = await context.newPage()
  await page.goto(link, { waitUntil: 'commit' })
  await page
    .waitForFunction(() => '__firstFrame' in window, undefined, { timeout: 60_000 })
    .catch(async (err: unknown) => {
      await page.screenshot({ path: '/tmp/sparboard-bench-first-frame-timeout.png' })
      console.log(
        await page.evaluate(() => {
          const k = (
            window as unknown as {
              Konva?: { stages: { getLayers(): { getChildren(): unknown[] }[] }[] }
            }
          ).Konva
          return JSON.stringify({
            konva: !!k,
            stages: k?.stages.length,
            layers: k?.stages[0]?.getLayers().map((l) => l.getChildren().length),
          })
        }),
      )
      throw err
    })
  const result = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    const first = (window as unknown as { __firstFrame: number }).__firstFrame
    return {
      firstFrameMs: first,
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      files: performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < first && /\.(js|css)$/.test(new URL(e.name).pathname))
        .map((e) => new URL(e.name).pathname.slice(1)),
    }
  })
  if (screenshot) await page.screenshot({ path: screenshot })
  await context.close()
  return result
}

/** A board of `NOTES` notes in the zones' colours, in rows of 25, stored by the server. */
async function fillBoard(wsUrl: string, boardId: string, token: string) {
  const { doc, provider } = openBoard(wsUrl, boardId, token)
  await synced(provider)
  for (let start = 0; start < NOTES; start += 100) {
    const batch = Array.from({ length: Math.min(100, NOTES - start) }, (_, k) => {
      const i = start + k
      const category = CATEGORIES[i % 3]!
      return {
        id: asNoteId(`bench-${i}`),
        category,
        ...(category === 'interest' && { side: (i % 2) as 0 | 1 }),
        x: (i % 25) * (NOTE_SIZE.width + 20),
        y: Math.floor(i / 25) * (NOTE_SIZE.height + 20),
        text: `Note ${i}: a friction point with a little text on it`,
        author: 'Bench',
      }
    })
    addNotes(doc, batch, userOrigin('bench'))
  }
  // the board is stored once a second client gets all of it from the server
  for (;;) {
    const reader = openBoard(wsUrl, boardId, token)
    await synced(reader.provider)
    const count = reader.doc.getMap('notes').size
    reader.provider.destroy()
    if (count >= NOTES) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  provider.destroy()
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`
const built = buildClientWithManifest()
const running = await startServer({ clientDir: built.dir })
const workshop = await createWorkshop(running.url)
const board = workshop.boards[0]!
await fillBoard(running.wsUrl, board.id, workshop.tokens.facilitator)
const link = `${running.url}/w/${workshop.id}/b/${board.id}#token=${workshop.tokens.participant}`
const browser = await launchChromium()
const runs: Loaded[] = []
const screenshot = '/tmp/sparboard-bench-first-frame.png'
try {
  await load(browser, link) // warms the server's caches (board in memory), as a second visitor finds it
  for (let i = 0; i < RUNS; i++)
    runs.push(await load(browser, link, i === RUNS - 1 ? screenshot : undefined))
} finally {
  await browser.close()
  await running.stop()
}

console.log(
  `First frame of a ${NOTES}-note board from a participant link, ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model} x${cpus().length}, load ${loadavg()[0]!.toFixed(1)}, Chromium headless 1280x800, fresh context per run`,
)
console.log(
  `first frame ms: ${runs.map((r) => fmt(r.firstFrameMs, 0)).join(' / ')} (median ${fmt(median(runs.map((r) => r.firstFrameMs)), 0)}; target < 1,000); DOMContentLoaded ms median ${fmt(median(runs.map((r) => r.domContentLoadedMs)), 0)}; last run's screen: ${screenshot}`,
)

const fetched = [...new Set(runs.flatMap((r) => r.files))]
console.log(`\nfiles the board route fetched before its first frame:`)
console.table(
  fetched.map((f) => {
    const s = fileSize(built.dir, f)
    return { file: f, size: kB(s.bytes), gzip: kB(s.gzipBytes) }
  }),
)
const graph = entryGraph(built.dir, built.manifest)
const total = (xs: { bytes: number; gzipBytes: number }[]) =>
  `${kB(xs.reduce((n, x) => n + x.bytes, 0))} (${kB(xs.reduce((n, x) => n + x.gzipBytes, 0))} gzip)`
console.log(`manifest: the entry and its static imports, ${total(graph.statics)}`)
console.log(
  `manifest: loaded on demand (dynamic imports): ${graph.dynamic.map((d) => `${d.src} ${kB(d.bytes)}`).join(', ') || 'none'}`,
)

const byArea = new Map<string, number>()
const unwanted = new Map<string, number>()
for (const file of fetched.filter((f) => f.endsWith('.js')))
  for (const [source, bytes] of bytesBySource(built.dir, file)) {
    byArea.set(areaOf(source), (byArea.get(areaOf(source)) ?? 0) + bytes)
    if (notForTheBoard.test(source)) unwanted.set(source, (unwanted.get(source) ?? 0) + bytes)
  }
console.log(`\nthe board route's JavaScript by origin (minified bytes, from the source maps):`)
console.table(
  [...byArea]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([area, bytes]) => ({ area, size: kB(bytes) })),
)
const unwantedTotal = [...unwanted.values()].reduce((a, b) => a + b, 0)
console.log(
  `export, PDF, facilitator code or zod in it: ${kB(unwantedTotal)} (target: none)${unwanted.size ? `: ${[...unwanted].map(([s, b]) => `${workspacePath(s)} ${kB(b)}`).join(', ')}` : ''}`,
)
rmSync(built.dir, { recursive: true, force: true })
process.exit(0)
