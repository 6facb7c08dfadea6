/**
 * Walks through the app in Chromium and saves screenshots (the README's comes from here).
 * Usage: start the app (`pnpm start`), then `pnpm --filter @sparboard/tests screenshots [baseUrl] [outDir]`.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { launchChromium } from '../support/browser.js'

const base = process.argv[2] ?? 'http://localhost:3000'
const out = process.argv[3] ?? 'artifacts/screens'
mkdirSync(out, { recursive: true })

const browser = await launchChromium()
const context = await browser.newContext({
  viewport: { width: 1440, height: 900 },
  locale: 'nl-NL',
})
const page = await context.newPage()
page.on('pageerror', (err) => console.error('page error:', err.message))
await page.goto(base)
await page.screenshot({ path: join(out, '1-start.png'), fullPage: true })
await page.getByLabel('Titel van de workshop').fill('Sales & Operations – voorjaarssessie')
await page
  .getByLabel('Strategie en doelen')
  .fill(
    'Leverbetrouwbaarheid boven 95%\nMarge per order verbeteren\nNieuwe klanten binnen 6 weken beleveren',
  )
await page.getByLabel('Case 1').fill('Spoedorder van een grote klant')
await page
  .getByLabel('Toelichting (optioneel)')
  .fill('Een key account wil 40% meer volume, binnen twee dagen geleverd.')
await page.getByRole('button', { name: 'Workshop aanmaken' }).click()
await page.getByTestId('links').waitFor()
await page.screenshot({ path: join(out, '2-links.png'), fullPage: true })
await page.getByRole('button', { name: 'Workshop openen' }).click()
await page.getByTestId('facilitator-panel').waitFor()
await page.waitForTimeout(1500) // thumbnails
await page.screenshot({ path: join(out, '2b-facilitator.png'), fullPage: true })
await page
  .getByTestId('facilitator-panel')
  .getByText(/Groep 1/)
  .first()
  .click()
const askedName = page.getByLabel('Je naam')
if (await askedName.isVisible({ timeout: 2000 }).catch(() => false)) {
  await askedName.fill('Anna (Sales)')
  await page.getByRole('button', { name: 'Naar het bord' }).click()
}
await page.getByTestId('connection').and(page.locator('[data-status=connected]')).waitFor()

const notes: [number, number, string][] = [
  [0.2, 0.3, 'Klant wil snel kunnen leveren'],
  [0.2, 0.45, 'Omzetdoel Q2 halen'],
  [0.5, 0.3, 'Planning ligt al 3 weken vast'],
  [0.5, 0.45, 'Omstellen kost een halve dag productie'],
  [0.8, 0.3, 'Stabiele planning, weinig omstellingen'],
  [0.45, 0.78, 'Vaste capaciteit reserveren voor spoed 🚀'],
]
const canvas = page.getByTestId('board-canvas')
const box = (await canvas.boundingBox())!
for (const [fx, fy, text] of notes) {
  await page.mouse.dblclick(box.x + box.width * fx, box.y + box.height * fy)
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}
await page.waitForTimeout(300)
await page.screenshot({ path: join(out, '3-board.png') })

// A second person joins and points at the board: Anna sees the cursor with a name.
const bramContext = await browser.newContext({
  viewport: { width: 1280, height: 800 },
  locale: 'nl-NL',
})
const bram = await bramContext.newPage()
await bram.goto(page.url())
await bram.getByLabel('Je naam').fill('Bram (Operations)')
await bram.getByRole('radio', { name: 'Operations' }).check()
await bram.getByRole('button', { name: 'Naar het bord' }).click()
await bram.getByTestId('connection').and(bram.locator('[data-status=connected]')).waitFor()
const bramBox = (await bram.getByTestId('board-canvas').boundingBox())!
await bram.mouse.move(bramBox.x + bramBox.width * 0.62, bramBox.y + bramBox.height * 0.32, {
  steps: 5,
})

// Anna selects both friction points, votes on them and groups them into a named cluster.
const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const
await page.mouse.click(...at(0.5, 0.3))
await page.keyboard.down('Shift')
await page.mouse.click(...at(0.5, 0.45))
await page.keyboard.up('Shift')
await page.keyboard.press('v')
await page.keyboard.press('v')
await page.screenshot({ path: join(out, '4-selection.png') })
await page.keyboard.press('g')
await page.getByLabel('Naam van het cluster').fill('Capaciteit en planning')
await page.keyboard.press('Enter')

// The solution becomes an agreement, checked against the goals.
await page.mouse.click(...at(0.45, 0.78))
await page.keyboard.press('a')
const form = page.getByTestId('agreement-form')
await form.getByLabel('Eigenaar').fill('Bram (Operations)')
await form.getByLabel('Uiterlijk').fill('2026-12-15')
const checks = form.locator('select')
await checks.nth(0).selectOption('supports')
await checks.nth(1).selectOption('conflicts')
await page.waitForTimeout(200)
await page.screenshot({ path: join(out, '5-agreement-form.png') })
await form.getByRole('button', { name: 'Afspraak opslaan' }).click()
await page.waitForTimeout(300)
await page.screenshot({ path: join(out, '6-agreements.png') })
await page.keyboard.press('?')
await page.screenshot({ path: join(out, '7-help.png') })
await page.keyboard.press('Escape')
await page.getByRole('button', { name: 'Sluiten' }).click()
await page.keyboard.press('-')
await page.keyboard.press('-')
await page.waitForTimeout(200)
await page.screenshot({ path: join(out, '8-zoomed-out.png') })

// A large board (offline, never stored): far out every note is one batched shape, nearer the
// notes get text. Uses the page's bench hook.
const big = await (
  await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' })
).newPage()
await big.addInitScript('window.__name = (f) => f')
await big.addInitScript(() => localStorage.setItem('sparboard.name', 'Anna (Sales)'))
await big.goto(page.url().replace('#', '?bench#'))
await big.waitForFunction(() => '__sparboardBench' in window)
type Hook = {
  disconnect(): void
  loadAndDraw(n: number): Promise<number>
  fit(): void
  setView(v: { x: number; y: number; scale: number }): void
}
await big.evaluate(async () => {
  const hook = (window as unknown as { __sparboardBench: Hook }).__sparboardBench
  hook.disconnect()
  await hook.loadAndDraw(3000)
  hook.fit()
})
await big.waitForTimeout(300)
await big.screenshot({ path: join(out, '9-many-far.png') })
await big.evaluate(() =>
  (window as unknown as { __sparboardBench: Hook }).__sparboardBench.setView({
    x: -2400,
    y: -2000,
    scale: 0.45,
  }),
)
await big.waitForTimeout(300)
await big.screenshot({ path: join(out, '10-many-near.png') })
await browser.close()
console.log(`screenshots in ${out}`)
