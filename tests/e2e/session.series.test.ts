import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { startServer, type RunningServer } from '../support/startServer.js'
import { addInOutline, canvasPoint, poll } from './board.people.js'

let browser: Browser
let running: RunningServer
beforeAll(async () => {
  browser = await launchChromium()
  running = await startServer({ clientDir: clientDir() })
})
afterAll(async () => {
  await browser?.close()
  await running?.stop()
})

async function open(url: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  await page.goto(url)
  return page
}

/** With E2E_SCREENSHOTS=<dir>, keeps a picture of the page for a person to look at. */
const shot = async (page: Page, name: string) => {
  const dir = process.env.E2E_SCREENSHOTS
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}

/** Starts the next session from the facilitator's page and opens it; answers its observer link. */
async function followUp(fac: Page, number: number): Promise<string> {
  await fac.getByRole('button', { name: 'Start a follow-up session' }).click()
  const observerLink = await fac.getByTestId('links').locator('input').nth(2).inputValue()
  await fac.getByRole('button', { name: 'Open the follow-up session' }).click()
  await poll(() => fac.getByTestId('session-series').textContent()).toBe(`Session ${number}`)
  return observerLink.replace('http://localhost', 'http://127.0.0.1')
}

describe('the history of a series, in Chromium', () => {
  it('[C22] [C21] a case brought by someone, its agreement judged in session 2, read back in session 3', async () => {
    const fac = await open(running.url, 'en-GB')
    await shot(fac, 'start-form-empty-en')
    await fac.getByLabel('Workshop title').fill('Sales & Operations')
    await fac.getByLabel('Strategy and goals').fill('Deliver on time\nGrow margin')
    await fac.getByLabel('Case 1').fill('Rush order for a key customer')
    await fac.getByLabel('Brought by (optional)').fill('Anna de Vries')
    await fac.getByLabel('Description (optional)').fill('Delivery in two days, the plan is full.')
    await fac.getByLabel('Breakout groups').fill('1')
    await shot(fac, 'start-form-en')
    await fac.getByRole('button', { name: 'Create workshop' }).click()
    await fac.getByRole('button', { name: 'Open workshop' }).click()

    // Session 1: the case names who brought it, on the workshop page and on the board.
    const caseCell = fac.locator('.board-grid-case')
    await poll(() => caseCell.textContent()).toContain('Brought by Anna de Vries')
    await fac.getByRole('button', { name: /^Open board/ }).click()
    await fac.getByRole('textbox', { name: 'Your name' }).fill('Fien')
    await fac.getByRole('button', { name: 'Join the board' }).click()
    await poll(() => fac.getByTestId('case-panel').textContent()).toContain(
      'Brought by Anna de Vries',
    )
    await addInOutline(fac, 'Solutions', 'Weekly S&OP meeting')
    const empty = await canvasPoint(fac, 0.01, 0.01)
    await fac.mouse.click(empty.x, empty.y)
    await fac.keyboard.press('Control+a')
    await fac.keyboard.press('a')
    const form = fac.getByTestId('agreement-form')
    await form.getByLabel('Owner').fill('Bram')
    await form.getByLabel('Due date').fill('2026-06-01')
    await form.getByLabel('Deliver on time').selectOption('supports')
    await form.getByLabel('Grow margin').selectOption('conflicts')
    await form.getByRole('button', { name: 'Save agreement' }).click()
    await poll(() => fac.getByTestId('agreement').count()).toBe(1)
    await shot(fac, 'board-case-panel-en')
    await fac.getByRole('button', { name: /All boards/ }).click()

    // Session 2: the agreement comes up for review; it held, and something chafed.
    await followUp(fac, 2)
    const item = fac.getByTestId('session-review').getByRole('listitem', {
      name: 'Weekly S&OP meeting',
    })
    await item.getByRole('radio', { name: 'Held', exact: true }).check()
    await item.getByLabel('What chafed').fill('Sales skipped it when a big order came in')
    await item.getByLabel('What chafed').blur()
    // The panel of session 2 shows session 1's agreement with the verdict being given now.
    const history2 = fac.getByTestId('series-history')
    const live = history2.getByRole('listitem', { name: 'Weekly S&OP meeting' })
    await poll(() => live.getByTestId('series-outcome').getAttribute('data-status')).toBe('held')
    await poll(() => live.textContent()).toContain('Sales skipped it when a big order came in')

    // Session 3: the earlier sessions stay readable, for the observer too, in Dutch.
    const observerLink = await followUp(fac, 3)
    const history = fac.getByTestId('series-history')
    await poll(() => history.getByTestId('series-session').count()).toBe(2)
    const [s1, s2] = [0, 1].map((i) => history.getByTestId('series-session').nth(i))
    await poll(() => s2!.locator('summary').textContent()).toContain('Session 2')
    await poll(() => s2!.textContent()).toContain('No agreements in this session.')
    // Session 1 is folded away; opening it shows its agreement with session 2's verdict.
    expect(await s1!.getAttribute('open')).toBeNull()
    await s1!.locator('summary').click()
    const agreement = s1!.getByRole('listitem', { name: 'Weekly S&OP meeting' })
    await poll(() => agreement.isVisible()).toBe(true)
    await poll(() => s1!.locator('.series-board h3').textContent()).toBe(
      'Rush order for a key customer · Group 1 · Brought by Anna de Vries',
    )
    await poll(() => agreement.locator('.hint').first().textContent()).toBe(
      'Bram · due 1 June 2026',
    )
    await poll(() => agreement.locator('.goal-scores li').allTextContents()).toEqual([
      'Deliver on timeSupports',
      'Grow marginConflicts',
    ])
    const outcome = agreement.getByTestId('series-outcome')
    await poll(() => outcome.textContent()).toBe(
      'In session 2:HeldWhat chafed: Sales skipped it when a big order came in',
    )
    await shot(fac, 'series-history-en')

    const observer = await open(observerLink, 'nl-NL')
    const seen = observer.getByTestId('series-history')
    await poll(() => seen.locator('summary h2').textContent()).toBe('Eerdere sessies')
    await seen.getByTestId('series-session').first().locator('summary').click()
    await poll(() =>
      seen
        .getByRole('listitem', { name: 'Weekly S&OP meeting' })
        .getByTestId('series-outcome')
        .textContent(),
    ).toBe('In sessie 2:NagekomenWat schuurde: Sales skipped it when a big order came in')
    await shot(observer, 'series-history-nl')

    const start = await open(running.url, 'nl-NL')
    await start.getByLabel('Ingebracht door (optioneel)').fill('Anna de Vries')
    await shot(start, 'start-form-nl')
  })
})
