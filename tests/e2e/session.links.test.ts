import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { poll } from './board.people.js'

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

const status = (id: string, token: string) =>
  fetch(`${running.url}/api/workshops/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  }).then((r) => r.status)

describe('replacing links on the workshop page, in Chromium', () => {
  it('[C15] the facilitator replaces the participant link, then their own, each after a confirmation', async () => {
    const w = await createWorkshop(running.url)
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
    })
    const page = await context.newPage()
    page.on('pageerror', (err) => {
      throw err
    })
    await page.goto(`${running.url}/w/${w.id}#token=${w.tokens.facilitator}`)
    const links = page.getByTestId('links')
    const field = (label: string) => links.getByRole('textbox', { name: label, exact: true })
    await poll(() => field('Deelnemers').inputValue()).toContain(w.tokens.participant)

    await links.getByRole('button', { name: 'Maak een nieuwe link: Deelnemers' }).click()
    await links.getByRole('button', { name: 'Annuleren' }).click()
    expect(await status(w.id, w.tokens.participant)).toBe(200)
    await links.getByRole('button', { name: 'Maak een nieuwe link: Deelnemers' }).click()
    await links.getByRole('button', { name: 'Nieuwe link maken' }).click()
    await poll(() => field('Deelnemers').inputValue()).not.toContain(w.tokens.participant)
    const fresh = /#token=(.+)$/.exec(await field('Deelnemers').inputValue())![1]!
    expect(await status(w.id, w.tokens.participant)).toBe(401)
    expect(await status(w.id, fresh)).toBe(200)

    await links.getByRole('button', { name: 'Maak een nieuwe link: Facilitator' }).click()
    await links.getByRole('button', { name: 'Nieuwe link maken' }).click()
    await poll(() => page.url()).not.toContain(w.tokens.facilitator)
    const own = /#token=(.+)$/.exec(page.url())![1]!
    expect(await status(w.id, w.tokens.facilitator)).toBe(401)
    expect(await status(w.id, own)).toBe(200)
    // the page goes on with the new link: the session panel is back and connected
    await page.getByTestId('facilitator-panel').waitFor()
    await poll(() => page.getByTestId('session-bar').first().getAttribute('data-connected')).toBe(
      'true',
    )
    await context.close()
  })
})
