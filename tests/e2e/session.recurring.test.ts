import { join } from 'node:path'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { followUpPath, type CreatedFollowUp, type CreatedWorkshop } from '@sparboard/protocol'
import { connected, openControl } from '../integration/control.support.js'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { boardOfGroup, writeNotes } from '../support/frictionNotes.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { poll } from './board.people.js'

let browser: Browser
let running: RunningServer
let second: CreatedFollowUp

/**
 * A series of two sessions, two groups: a delivery-time friction in both groups of session 1 and
 * in session 2 (its agreement judged "held" in session 2), and a forklift friction in both groups
 * of session 1 only.
 */
async function series(): Promise<CreatedFollowUp> {
  const first: CreatedWorkshop = await createWorkshop(running.url)
  const { wsUrl } = running
  await writeNotes(
    wsUrl,
    boardOfGroup(first, 0),
    first.tokens.participant,
    [
      ['f1', 'friction', 'levertijd te kort beloofd'],
      ['f2', 'friction', 'vorkheftruck defect'],
    ],
    ['a1', 'Sales checkt de levertijd bij planning'],
  )
  await writeNotes(wsUrl, boardOfGroup(first, 1), first.tokens.participant, [
    ['f3', 'friction', 'klant krijgt te korte levertijd toegezegd'],
    ['f4', 'friction', 'heftruck weer defect'],
  ])
  const res = await fetch(`${running.url}${followUpPath(first.id)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${first.tokens.facilitator}` },
  })
  const next = (await res.json()) as CreatedFollowUp
  await writeNotes(wsUrl, boardOfGroup(next, 0), next.tokens.participant, [
    ['g1', 'friction', 'Levertijden worden te krap toegezegd'],
  ])
  const control = openControl(running.url, next.tokens.facilitator)
  await connected(control)
  expect(
    await control.send('review:set', { agreementId: 'a1', status: 'held', chafed: '' }),
  ).toEqual({ ok: true })
  control.close()
  return next
}

beforeAll(async () => {
  browser = await launchChromium()
  running = await startServer({ clientDir: clientDir() })
  second = await series()
})
afterAll(async () => {
  await browser?.close()
  await running?.stop()
})

const desktop: BrowserContextOptions = { viewport: { width: 1366, height: 900 } }
const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
}

async function open(options: BrowserContextOptions, locale: string): Promise<Page> {
  const context = await browser.newContext({ ...options, locale })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  await page.goto(`${running.url}/w/${second.id}#token=${second.tokens.facilitator}`)
  return page
}

/** With E2E_SCREENSHOTS=<dir>, keeps pictures of the page and the panel for a person to look at. */
const shot = async (page: Page, name: string) => {
  const dir = process.env.E2E_SCREENSHOTS
  if (!dir) return
  const panel = page.getByTestId('recurring-frictions')
  await panel.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
  await panel.screenshot({ path: join(dir, `${name}-panel.png`) })
}

const counts = (page: Page) => page.getByTestId('recurring-count').allTextContents()

describe('recurring friction points on the facilitator’s workshop page, in Chromium', () => {
  it('shows each with its count, notes and agreements; a note taken out and a merge hold after a reload (en, 1366 px)', async () => {
    const page = await open(desktop, 'en-GB')
    const panel = page.getByTestId('recurring-frictions')
    await poll(() => counts(page)).toEqual([
      'came up in 2 of 2 groups and in 2 sessions',
      'came up in 2 of 2 groups',
    ])
    const delivery = panel.getByTestId('recurring-friction').first()
    await delivery.getByText('The 3 notes behind it').click()
    await poll(() => delivery.getByTestId('recurring-note').allTextContents()).toEqual([
      'levertijd te kort beloofdsession 1 · Rush order · group 1Take out',
      'klant krijgt te korte levertijd toegezegdsession 1 · Rush order · group 2Take out',
      'Levertijden worden te krap toegezegdsession 2 · Rush order · group 1Take out',
    ])
    await expect(delivery.locator('.recurring-agreements').textContent()).resolves.toContain(
      'Sales checkt de levertijd bij planning',
    )
    await expect(delivery.locator('.series-verdict').textContent()).resolves.toBe('Met')
    await shot(page, 'recurring-1366-en')

    // take the follow-up's note out: the friction no longer came up in two sessions
    await delivery
      .getByRole('button', {
        name: 'Take “Levertijden worden te krap toegezegd” out of this friction point',
      })
      .click()
    await poll(() => counts(page)).toEqual(['came up in 2 of 2 groups', 'came up in 2 of 2 groups'])
    // merge the two that are left
    for (const box of await panel.getByRole('checkbox').all()) await box.check()
    await panel.getByRole('button', { name: 'Merge the selected (2)' }).click()
    await poll(() => counts(page)).toEqual(['came up in 2 of 2 groups'])
    await page.reload()
    await poll(() => counts(page)).toEqual(['came up in 2 of 2 groups'])
    await poll(() => panel.textContent()).toContain('2 merges and splits of yours are kept.')
    await page.context().close()
  })

  it('reads in Dutch, at 1366 px and on a 390 px phone, without sideways scrolling', async () => {
    for (const [options, name] of [
      [desktop, 'recurring-1366-nl'],
      [phone, 'recurring-390-nl'],
    ] as const) {
      const page = await open(options, 'nl-NL')
      await poll(() => counts(page)).toEqual(['kwam terug in 2 van 2 groepen'])
      await page.getByText('De 4 notities erachter').click()
      await poll(() => page.getByTestId('recurring-note').count()).toBe(4)
      await poll(() => page.getByTestId('recurring-frictions').textContent()).toContain('Gehaald')
      await shot(page, name)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        options.viewport!.width,
      )
      await page.context().close()
    }
    const page = await open(phone, 'en-GB')
    await poll(() => counts(page)).toEqual(['came up in 2 of 2 groups'])
    await page.getByText('The 4 notes behind it').click()
    await shot(page, 'recurring-390-en')
    await page.context().close()
  })
})
