import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAgreement, asAgreementId, userOrigin, type GoalScore } from '@sparboard/board-model'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

let browser: Browser
let running: RunningServer
const closers: (() => void)[] = []
beforeAll(async () => {
  browser = await launchChromium()
  running = await startServer({ clientDir: clientDir() })
})
afterAll(async () => {
  for (const close of closers) close()
  await browser?.close()
  await running?.stop()
})

async function open(url: string, locale: string): Promise<Page> {
  const page = await (await browser.newContext({ locale })).newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  await page.goto(url)
  return page
}

/** An agreement the first group made on its board, by a client of their own. */
async function agreeOnFirstBoard(
  w: CreatedWorkshop,
  text: string,
  owner: string,
  goals: Record<number, GoalScore> = {},
) {
  const group1 = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.participant)
  closers.push(() => group1.provider.destroy())
  await synced(group1.provider)
  const agreement = { text, owner, due: '', author: owner, createdAt: 0, solutionIds: [], goals }
  addAgreement(group1.doc, asAgreementId('a1'), agreement, userOrigin(owner))
}

describe('follow-up session, in Chromium', () => {
  it('the facilitator starts a follow-up; a participant reviews the earlier agreement there', async () => {
    const w = await createWorkshop(running.url)
    await agreeOnFirstBoard(w, 'Weekly S&OP meeting', 'Anna', { 0: 'supports' })

    const fac = await open(`${running.url}/w/${w.id}#token=${w.tokens.facilitator}`, 'en-GB')
    await fac.getByRole('button', { name: 'Start a follow-up session' }).click()
    await fac.getByText('Ready, with 1 agreement to review').waitFor()
    const participantLink = await fac.getByTestId('links').locator('input').nth(1).inputValue()
    await fac.getByRole('button', { name: 'Open the follow-up session' }).click()
    await expect.poll(() => fac.getByTestId('session-series').textContent()).toBe('Session 2')

    // Anna opens the new participant link (Dutch), joins, and reviews the agreement.
    const anna = await open(
      participantLink.replace('http://localhost', 'http://127.0.0.1'),
      'nl-NL',
    )
    const join = anna.getByRole('dialog')
    await join.getByLabel('Je naam').fill('Anna')
    await join.getByRole('radio', { name: 'Sales' }).check()
    await join.getByRole('button', { name: 'Meedoen' }).click()
    const item = anna
      .getByTestId('session-review')
      .getByRole('listitem', { name: 'Weekly S&OP meeting' })
    await item.getByRole('radio', { name: 'Deels' }).check()
    await item.getByLabel('Wat schuurde').fill('Spoedorders gaan er nog steeds tussendoor')
    await item.getByLabel('Wat schuurde').blur()

    // [C26] hers is a proposal: the facilitator sees who proposed what, and sets the verdict.
    // Scoped: the earlier-sessions panel lists the same agreement ([C21]).
    const seen = fac
      .getByTestId('session-review')
      .getByRole('listitem', { name: 'Weekly S&OP meeting' })
    const proposals = seen.getByTestId('review-history')
    await expect
      .poll(() => proposals.textContent())
      .toContain('Anna: Partly · Spoedorders gaan er nog steeds tussendoor')
    expect(await seen.getByTestId('review-final').textContent()).toBe('No final verdict yet')
    expect(await seen.getByRole('radio', { name: 'Partly' }).isChecked()).toBe(false)
    await proposals.getByRole('button', { name: 'Adopt' }).click()
    await expect.poll(() => seen.getByRole('radio', { name: 'Partly' }).isChecked()).toBe(true)
    await expect
      .poll(() => seen.getByLabel('What chafed').inputValue())
      .toBe('Spoedorders gaan er nog steeds tussendoor')
    // Anna sees the verdict the facilitator set
    await expect
      .poll(() => item.getByTestId('review-final').textContent())
      .toBe(
        'Eindoordeel (vastgesteld door de facilitator): Deels · Spoedorders gaan er nog steeds tussendoor',
      )
  })

  it('what someone is typing about an agreement stays while another person reviews the same one', async () => {
    const w = await createWorkshop(running.url)
    await agreeOnFirstBoard(w, 'Rush orders by noon', 'Bram')
    const res = await fetch(`${running.url}/api/workshops/${w.id}/follow-up`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    })
    const next = (await res.json()) as { id: string; tokens: Record<string, string> }
    const fac = await open(`${running.url}/w/${next.id}#token=${next.tokens.facilitator}`, 'en-GB')
    const anna = await open(`${running.url}/w/${next.id}#token=${next.tokens.participant}`, 'en-GB')
    const join = anna.getByRole('dialog')
    await join.getByLabel('Your name').fill('Anna')
    await join.getByRole('radio', { name: 'Sales' }).check()
    await join.getByRole('button', { name: 'Join' }).click()
    const row = (page: Page) =>
      page.getByTestId('session-review').getByRole('listitem', { name: 'Rush orders by noon' })

    // Anna is halfway through a sentence when the facilitator marks the agreement as held.
    const chafed = row(anna).getByLabel('What chafed')
    await chafed.fill('Friday afternoons')
    await row(fac).getByRole('radio', { name: 'Met', exact: true }).check()
    await expect
      .poll(() => row(anna).getByTestId('review-final').textContent())
      .toBe('Final verdict (set by the facilitator): Met')
    expect(await chafed.inputValue()).toBe('Friday afternoons')
    // She finishes and leaves the field: her proposal is on record, the verdict stays.
    await chafed.fill('Friday afternoons are still chaos')
    await chafed.blur()
    await expect
      .poll(() => row(fac).getByTestId('review-history').textContent())
      .toContain('Anna: no verdict · Friday afternoons are still chaos')
    expect(await row(fac).getByRole('radio', { name: 'Met', exact: true }).isChecked()).toBe(true)
    expect(await row(fac).getByLabel('What chafed').inputValue()).toBe('')
  })
})
