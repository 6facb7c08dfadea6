import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { startServer, type RunningServer } from '../support/startServer.js'
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

describe('Content-Security-Policy in Chromium', () => {
  it('reports no violation on the start, workshop and board screens', async () => {
    const watched = await watchedPage(browser)
    const { page } = watched
    const response = await page.goto(running.url)
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")

    await page.getByRole('textbox', { name: 'Workshop title' }).fill('Sales & Operations')
    await page.locator('.case-draft input').first().fill('Rush order')
    await page.getByRole('button', { name: 'Create workshop' }).click()
    await page.getByTestId('links').waitFor()
    await page.getByRole('button', { name: 'Open workshop' }).click()
    await page.getByRole('heading', { name: 'Sales & Operations' }).waitFor()

    await page
      .getByRole('button', { name: /Open board/ })
      .first()
      .click()
    const dialog = page.getByRole('dialog')
    await page.locator('[data-testid=connection][data-status=connected]').waitFor()
    if (await dialog.isVisible()) {
      await dialog.getByRole('textbox').first().fill('Fenna')
      if (await dialog.getByRole('radio').count()) await dialog.getByRole('radio').first().check()
      await dialog.locator('button[type=submit]').click()
    }
    const canvas = page.getByTestId('board-canvas')
    const box = (await canvas.boundingBox())!
    await page.mouse.dblclick(box.x + box.width * 0.5, box.y + box.height * 0.3)
    await page.keyboard.type('Levertijd')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByTestId('outline').locator('.outline-text').allTextContents())
      .toContain('Levertijd')

    expect(await watched.cspViolations()).toEqual([])
    expect(watched.consoleCsp).toEqual([])
    expect(watched.errors).toEqual([])
  })

  it('blocks a script injected into the page, and Chromium reports it', async () => {
    const watched = await watchedPage(browser)
    await watched.page.goto(running.url)
    await watched.page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__xss = 1'
      document.body.append(script)
      const img = document.createElement('img')
      img.setAttribute('onerror', 'window.__xss = 1')
      img.src = 'data:,broken'
      document.body.append(img)
    })
    await expect.poll(() => watched.cspViolations()).not.toEqual([])
    expect(await watched.scriptRan()).toBe(false)
  })
})
