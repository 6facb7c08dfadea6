import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { startServer, type RunningServer } from '../support/startServer.js'

let browser: Browser
let running: RunningServer
beforeAll(async () => {
  browser = await launchChromium()
  running = await startServer({
    clientDir: clientDir(),
    security: { createSecret: 'correct horse battery staple' },
  })
})
afterAll(async () => {
  await browser?.close()
  await running?.stop()
})

describe('a public server with CREATE_SECRET, in Chromium', () => {
  it('asks the facilitator for the creation key, refuses a wrong one and creates with the right one', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage()
    await page.goto(running.url)
    await page.getByLabel('Workshop title').fill('S&OP spring')
    await page.getByLabel('Case 1').fill('Rush order')
    await page.getByRole('button', { name: 'Create workshop' }).click()
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('asks for a creation key')

    await page.getByLabel('Creation key').fill('a wrong key, long enough')
    await page.getByRole('button', { name: 'Create workshop' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not right')

    await page.getByLabel('Creation key').fill('correct horse battery staple')
    await page.getByRole('button', { name: 'Create workshop' }).click()
    await page.getByTestId('links').waitFor()
    expect(await page.getByTestId('links').locator('input').count()).toBe(3)
  })
})
