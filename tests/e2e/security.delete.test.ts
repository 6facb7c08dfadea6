import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { watchedPage } from '../support/watchedPage.js'

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

describe('a facilitator deletes a workshop in Chromium', () => {
  it('asks first, then erases it; an open board stops at once and links stop working', async () => {
    const w = await createWorkshop(running.url)
    const board = w.boards[0]!.id
    const participant = await watchedPage(browser, { 'sparboard.name': 'Bram' })
    await participant.page.goto(`${running.url}/w/${w.id}/b/${board}#token=${w.tokens.participant}`)
    await participant.page.locator('[data-testid=connection][data-status=connected]').waitFor()

    const facilitator = await watchedPage(browser)
    const { page } = facilitator
    await page.goto(w.links.facilitator)
    await page.getByRole('button', { name: 'Delete workshop…' }).click()
    const confirm = page.getByRole('alertdialog')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    expect(
      (
        await fetch(`${running.url}/api/workshops/${w.id}`, {
          headers: { authorization: `Bearer ${w.tokens.observer}` },
        })
      ).status,
    ).toBe(200)

    await page.getByRole('button', { name: 'Delete workshop…' }).click()
    await expect.poll(() => confirm.textContent()).toContain(w.title)
    await confirm.getByRole('button', { name: 'Delete for good' }).click()
    await page.getByText('The workshop and all its boards have been deleted.').waitFor()

    await expect
      .poll(() => participant.page.getByTestId('connection').getAttribute('data-status'))
      .toBe('closed')
    expect(
      (
        await fetch(`${running.url}/api/workshops/${w.id}`, {
          headers: { authorization: `Bearer ${w.tokens.facilitator}` },
        })
      ).status,
    ).toBe(401)
    await participant.page.reload()
    await participant.page
      .getByText('This link does not work (any more).', { exact: false })
      .waitFor()
    expect(await running.server.store.getWorkshop(w.id)).toBeNull()
    expect(facilitator.dialogs).toEqual([])
  })
})
