import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openPage } from './board.people.js'

let browser: Browser
let running: RunningServer
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await running?.stop()
})

const open = (url: string, locale: string) => openPage(browser, url, locale)

/** "4:59" → 299 s */
const seconds = (text: string | null) => {
  const m = /(\d+):(\d\d)/.exec(text ?? '')
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN
}

describe('a facilitated session, in Chromium', () => {
  it('a participant sees the phase and the timer the facilitator sets, and follows the spotlight', async () => {
    running = await startServer({ clientDir: clientDir() })
    const w = await createWorkshop(running.url)
    const workshopUrl = (token: string) => `${running.url}/w/${w.id}#token=${token}`

    const fac = await open(workshopUrl(w.tokens.facilitator), 'en-GB')
    await fac.getByTestId('facilitator-panel').waitFor()

    // Bram joins by the participant link, in Dutch: a name and a side.
    const bram = await open(workshopUrl(w.tokens.participant), 'nl-NL')
    const join = bram.getByRole('dialog', { name: 'Doe mee aan de workshop' })
    await join.getByLabel('Je naam').fill('Bram')
    await join.getByRole('radio', { name: 'Operations' }).check()
    await join.getByRole('button', { name: 'Meedoen' }).click()
    await expect.poll(() => join.count()).toBe(0)
    await expect
      .poll(() => bram.getByTestId('session-phase').textContent())
      .toBe('Strategie en doelen')
    await expect
      .poll(() =>
        fac.getByTestId('session-roster').getByTestId('person-chip').first().getAttribute('title'),
      )
      .toBe('Bram · Operations · online')

    // The facilitator moves to voting and starts five minutes.
    await fac.getByRole('button', { name: '4. Voting' }).click()
    await fac.getByLabel('Minutes').fill('5')
    await fac.getByRole('button', { name: 'Start', exact: true }).click()

    await expect.poll(() => bram.getByTestId('session-phase').textContent()).toBe('Stemmen')
    const bramTimer = bram.getByTestId('session-timer')
    await expect.poll(() => bramTimer.getAttribute('data-running')).toBe('true')
    // It counts down on Bram's screen, in step with the facilitator's.
    await expect.poll(async () => seconds(await bramTimer.textContent())).toBeLessThan(300)
    // Both screens show the same second (re-read: a busy machine can delay one repaint).
    const gap = async () => {
      const [f, b] = await Promise.all([
        fac.getByTestId('session-timer').textContent(),
        bramTimer.textContent(),
      ])
      return Math.abs(seconds(f) - seconds(b))
    }
    await expect.poll(gap).toBeLessThanOrEqual(1)
    const b = await bramTimer.textContent()
    expect(seconds(b)).toBeGreaterThan(290)

    // Spotlight a board: Bram is taken there and can write on it.
    const board = w.boards[1]!
    const tile = fac.getByTestId('session-board').nth(1)
    await tile.getByRole('button', { name: 'Spotlight' }).click()
    await expect.poll(() => bram.url()).toContain(`/b/${board.id}`)
    const addNote = bram.getByRole('button', { name: /Notitie/ })
    await expect.poll(() => addNote.count()).toBeGreaterThan(0)
    await expect.poll(() => bram.getByTestId('session-spotlight').count()).toBe(1)
    // The facilitator locks it: Bram's board turns read-only at once.
    await tile.getByRole('button', { name: 'Lock' }).click()
    await bram.getByTestId('session-locked').waitFor()
    await expect.poll(() => addNote.count()).toBe(0)
    await expect.poll(() => bram.getByText('Alleen lezen').count()).toBe(1)
    // The session bar is on the board page too.
    await expect.poll(() => bram.getByTestId('session-phase').textContent()).toBe('Stemmen')
  })
})
