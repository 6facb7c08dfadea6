/**
 * Canvas benchmark: `pnpm bench:canvas` (needs `pnpm build` first). Headless Chromium at
 * 1280x800 opens a board, loads 1,000 / 5,000 / 10,000 notes into it (offline, so the server
 * never stores them) and prints time to first frame and redraw times while panning, at zoom 1
 * and zoomed out to all notes. Not a test: it prints figures next to the targets.
 */
import { cpus, loadavg } from 'node:os'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer } from '../support/startServer.js'

const SIZES = [1_000, 5_000, 10_000]
const STEPS = 120
// Two shared cores make single runs noisy: each size runs three times, figures are medians.
const RUNS = 3

/** The page's bench hook (client/src/canvas/benchHook.ts). */
interface BenchHook {
  disconnect(): void
  loadAndDraw(count: number): Promise<number>
  panBy(dx: number, dy: number): number
  setView(view: { x: number; y: number; scale: number }): void
  fit(): void
  bounds(): { width: number; height: number }
}
type Hooked = Window & { __sparboardBench: BenchHook }

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}

async function measure(browser: Browser, link: string, count: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(() => localStorage.setItem('sparboard.name', 'Bench'))
  // tsx keeps function names with a __name helper that the page does not have.
  await context.addInitScript('window.__name = (f) => f')
  const page = await context.newPage()
  await page.goto(link)
  await page.waitForFunction(() => '__sparboardBench' in window)
  await page.locator('[data-testid=connection][data-status=connected]').waitFor()
  const result = await page.evaluate(
    async ({ count, steps }) => {
      const hook = (window as unknown as Hooked).__sparboardBench
      hook.disconnect()
      const firstFrame = await hook.loadAndDraw(count)
      const pan = (dx: number) => {
        const times: number[] = []
        for (let i = 0; i < steps; i++) times.push(hook.panBy(i % 40 < 20 ? dx : -dx, 3))
        return times
      }
      const { width, height } = hook.bounds()
      hook.setView({ scale: 1, x: 640 - width / 2, y: 400 - height / 2 })
      pan(8) // warm-up: first mounts of shapes
      const zoom1 = pan(8)
      hook.fit()
      pan(4)
      const all = pan(4)
      return { firstFrame, zoom1, all }
    },
    { count, steps: STEPS },
  )
  await context.close()
  return result
}

const running = await startServer({ clientDir: clientDir() })
const workshop = await createWorkshop(running.url)
const board = workshop.boards[0]!
const link = `${running.url}/w/${workshop.id}/b/${board.id}?bench#token=${workshop.tokens.participant}`
const browser = await launchChromium()
const rows: string[][] = []
try {
  for (const count of SIZES) {
    const runs: Awaited<ReturnType<typeof measure>>[] = []
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, link, count))
    const median = (f: (r: (typeof runs)[number]) => number) => pct(runs.map(f), 50)
    rows.push([
      count.toLocaleString('en'),
      median((r) => r.firstFrame).toFixed(0),
      median((r) => pct(r.zoom1, 50)).toFixed(1),
      median((r) => pct(r.zoom1, 95)).toFixed(1),
      median((r) => pct(r.all, 50)).toFixed(1),
      median((r) => pct(r.all, 95)).toFixed(1),
    ])
  }
} finally {
  await browser.close()
  await running.stop()
}

const head = ['notes', 'first frame ms', 'pan z1 p50', 'pan z1 p95', 'pan all p50', 'pan all p95']
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
const line = (cells: string[]) =>
  '| ' + cells.map((c, i) => c.padStart(widths[i]!)).join(' | ') + ' |'
console.log(
  `Canvas benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model} x${cpus().length}, load ${loadavg()[0]!.toFixed(1)}, median of ${RUNS} runs`,
)
console.log(line(head))
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|')
rows.forEach((r) => console.log(line(r)))
console.log('targets at 5,000: first frame < 300 ms, pan z1 p95 < 8 ms, pan all p95 < 16 ms')
