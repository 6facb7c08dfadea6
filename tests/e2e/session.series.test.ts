import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
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
  await fac.getByRole('button', { name: 'Open the follow-up session' }).click()
  await poll(() => fac.getByTestId('session-series').textContent()).toBe(`Session ${number}`)
  // read once the new session's page shows: before, the links card still holds the old session's
  const observerLink = await fac.getByTestId('links').locator('input').nth(2).inputValue()
  return observerLink.replace('http://localhost', 'http://127.0.0.1')
}

/** Someone joining by the participant link, on a side; answers their page. */
async function joinAs(link: string, name: string, side: string): Promise<Page> {
  const page = await open(link, 'en-GB')
  const dialog = page.getByRole('dialog', { name: 'Join the workshop' })
  await dialog.getByLabel('Your name').fill(name)
  await dialog.getByRole('radio', { name: side }).check()
  await dialog.getByRole('button', { name: 'Join', exact: true }).click()
  await poll(() => dialog.count()).toBe(0)
  return page
}

/** Opens a folded session by its summary, clicking again if a late layout shift made it miss. */
const unfold = (session: Locator) =>
  poll(async () => {
    if ((await session.getAttribute('open')) === null) await session.locator('summary').click()
    return session.getAttribute('open')
  }).not.toBeNull()

const participantLink = async (fac: Page) =>
  (await fac.getByTestId('links').locator('input').nth(1).inputValue()).replace(
    'http://localhost',
    'http://127.0.0.1',
  )

describe('the history of a series, in Chromium', () => {
  it('[C22] [C21] [C26] a checkable agreement: owner and co-signer of two sides, a criterion judged, renegotiated in session 2, met in session 3, its way read back', async () => {
    const fac = await open(running.url, 'en-GB')
    await shot(fac, 'start-form-empty-en')
    await fac.getByLabel('Workshop title').fill('Sales & Operations')
    await fac.getByLabel('Strategy and goals').fill('Deliver on time\nGrow margin')
    await fac.getByLabel('Case 1').fill('Rush order for a key customer')
    await fac.getByLabel('Brought by (optional)').fill('Anna de Vries')
    await fac.getByLabel('Description (optional)').fill('Delivery in two days, the plan is full.')
    await fac.getByLabel('Breakout groups').fill('1')
    // checkable agreements are on unless the facilitator switches them off
    expect(await fac.getByLabel('Checkable agreements').isChecked()).toBe(true)
    await shot(fac, 'start-form-en')
    await fac.getByRole('button', { name: 'Create workshop' }).click()
    const link1 = await participantLink(fac)
    await fac.getByRole('button', { name: 'Open workshop' }).click()
    // Anna speaks for Sales, Olga for Operations
    await joinAs(link1, 'Anna', 'Sales')
    await joinAs(link1, 'Olga', 'Operations')

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
    // the owner is picked from the participants; the co-signer only from the other side
    await poll(() =>
      form.getByLabel('Accountable owner').locator('option').allTextContents(),
    ).toEqual(['Pick a participant', 'Anna · Sales', 'Olga · Operations'])
    await form.getByLabel('Accountable owner').selectOption({ label: 'Anna · Sales' })
    expect(
      await form.getByLabel('Co-signer from the other side').locator('option').allTextContents(),
    ).toEqual(['Pick someone of the other side', 'Olga · Operations'])
    await form
      .getByLabel('Co-signer from the other side')
      .selectOption({ label: 'Olga · Operations' })
    await form.getByLabel('What is measured').fill('on-time-in-full')
    await form.getByLabel('Target').fill('>= 95 %')
    await form.getByLabel('Where it is read').fill('the weekly planning report')
    await form.getByLabel('Review date').fill('2026-07-01')
    await form.getByLabel('Due date').fill('2026-06-01')
    await form.getByLabel('Deliver on time').selectOption('supports')
    await form.getByLabel('Grow margin').selectOption('conflicts')
    await shot(fac, 'agreement-form-en')
    await form.getByRole('button', { name: 'Save agreement' }).click()
    const made = fac.getByTestId('agreement')
    await poll(() => made.count()).toBe(1)
    await poll(() => made.getByTestId('agreement-signers').textContent()).toBe(
      'Anna (Sales) · co-signed by Olga (Operations) · review 1 July 2026 · due 1 June 2026',
    )
    expect(await made.getByTestId('agreement-criterion').textContent()).toBe(
      'Criterion: on-time-in-full >= 95 %, read from the weekly planning report',
    )
    await shot(fac, 'board-case-panel-en')
    await fac.getByRole('button', { name: /All boards/ }).click()

    // Session 2: the agreement comes up with its criterion; it is renegotiated with new terms.
    await followUp(fac, 2)
    const link2 = await participantLink(fac)
    await joinAs(link2, 'Anna', 'Sales')
    await joinAs(link2, 'Olga', 'Operations')
    const item = fac.getByTestId('session-review').getByRole('listitem', {
      name: 'Weekly S&OP meeting',
    })
    await poll(() => item.getByTestId('agreement-criterion').textContent()).toBe(
      'Criterion: on-time-in-full >= 95 %, read from the weekly planning report',
    )
    await item.getByLabel('What chafed').fill('Sales skipped it when a big order came in')
    await item.getByRole('radio', { name: 'Renegotiated', exact: true }).check()
    const terms = item.getByTestId('review-terms')
    // the new terms start from the old ones, signed by the same people in this session
    expect(await terms.getByLabel('What do we agree?').inputValue()).toBe('Weekly S&OP meeting')
    await poll(() =>
      terms.getByLabel('Accountable owner').locator('option:checked').textContent(),
    ).toBe('Anna · Sales')
    expect(await terms.getByLabel('Target').inputValue()).toBe('>= 95 %')
    await terms.getByLabel('What do we agree?').fill('Weekly S&OP meeting, on Mondays')
    await terms.getByLabel('Target').fill('>= 90 %')
    await terms.getByLabel('Review date').fill('2026-09-01')
    await shot(fac, 'review-renegotiate-en')
    await terms.getByRole('button', { name: 'Save new terms' }).click()
    await poll(() => item.getByTestId('review-final').textContent()).toContain(
      'Final verdict (set by the facilitator): Renegotiated · Sales skipped it when a big order came in',
    )
    await poll(() => item.getByTestId('review-new-terms').textContent()).toContain(
      'New terms: Weekly S&OP meeting, on Mondays',
    )
    // The panel of session 2 shows session 1's agreement with the verdict being given now.
    const history2 = fac.getByTestId('series-history')
    const live = history2.getByRole('listitem', { name: 'Weekly S&OP meeting' })
    await poll(() => live.getByTestId('series-outcome').getAttribute('data-status')).toBe(
      'renegotiated',
    )
    await poll(() => live.textContent()).toContain('Sales skipped it when a big order came in')

    // Session 3: the agreement is back with its new terms, and this time it is met.
    const observerLink = await followUp(fac, 3)
    const again = fac.getByTestId('session-review').getByRole('listitem', {
      name: 'Weekly S&OP meeting, on Mondays',
    })
    await poll(() => again.getByTestId('agreement-criterion').textContent()).toBe(
      'Criterion: on-time-in-full >= 90 %, read from the weekly planning report',
    )
    await again.getByRole('radio', { name: 'Met', exact: true }).check()
    await poll(() => again.getByTestId('review-final').textContent()).toBe(
      'Final verdict (set by the facilitator): Met',
    )
    await shot(fac, 'review-met-en')

    // The earlier sessions stay readable, for the observer too, in Dutch.
    const history = fac.getByTestId('series-history')
    await poll(() => history.getByTestId('series-session').count()).toBe(2)
    const [s1, s2] = [0, 1].map((i) => history.getByTestId('series-session').nth(i))
    await poll(() => s2!.locator('summary').textContent()).toContain('Session 2')
    // session 2 made no agreement of its own: it shows the one it renegotiated, judged now
    const carried = s2!.getByRole('listitem', { name: 'Weekly S&OP meeting' })
    await poll(() => carried.getByTestId('series-outcome').getAttribute('data-status')).toBe('met')
    // Session 1 is folded away; opening it shows its agreement with session 2's verdict.
    expect(await s1!.getAttribute('open')).toBeNull()
    await unfold(s1!)
    const agreement = s1!.getByRole('listitem', { name: 'Weekly S&OP meeting' })
    await poll(() => agreement.isVisible()).toBe(true)
    await poll(() => s1!.locator('.series-board h3').textContent()).toBe(
      'Rush order for a key customer · Group 1 · Brought by Anna de Vries',
    )
    await poll(() => agreement.getByTestId('agreement-signers').first().textContent()).toBe(
      'Anna (Sales) · co-signed by Olga (Operations) · review 1 July 2026 · due 1 June 2026',
    )
    await poll(() => agreement.locator('.goal-scores li').allTextContents()).toEqual([
      'Deliver on timeSupports',
      'Grow marginConflicts',
    ])
    const outcome = agreement.getByTestId('series-outcome')
    await poll(() => outcome.getAttribute('data-status')).toBe('renegotiated')
    await poll(() => outcome.getByTestId('series-new-terms').textContent()).toContain(
      'New terms: Weekly S&OP meeting, on Mondays',
    )
    // its way through the series, per agreement
    await poll(() => outcome.getByTestId('series-track').locator('li').allTextContents()).toEqual([
      'agreed in session 1',
      'session 2: Renegotiated → Weekly S&OP meeting, on Mondays',
      'session 3: Met',
    ])
    await shot(fac, 'series-history-en')

    const observer = await open(observerLink, 'nl-NL')
    const seen = observer.getByTestId('series-history')
    await poll(() => seen.locator('summary h2').textContent()).toBe('Eerdere sessies')
    // Folded away for the observer too; opened by a click (again, if a late layout shift under
    // load made the first click land beside the summary).
    const first = seen.getByTestId('series-session').first()
    await unfold(first)
    const seenOutcome = first
      .getByRole('listitem', { name: 'Weekly S&OP meeting' })
      .getByTestId('series-outcome')
    await poll(() =>
      seenOutcome.getByTestId('series-track').locator('li').allTextContents(),
    ).toEqual([
      'afgesproken in sessie 1',
      'sessie 2: Opnieuw afgesproken → Weekly S&OP meeting, on Mondays',
      'sessie 3: Gehaald',
    ])
    expect(await seenOutcome.textContent()).toContain(
      'Wat schuurde: Sales skipped it when a big order came in',
    )
    await shot(observer, 'series-history-nl')

    const start = await open(running.url, 'nl-NL')
    await start.getByLabel('Ingebracht door (optioneel)').fill('Anna de Vries')
    await shot(start, 'start-form-nl')
  }, 240_000)
})
