import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { join } from './board.people.js'

/** One person on the board in their own browser context, joined by name. */
const joinBoard = async (link: string, name: string) => (await join(browser, link, name)).page

let browser: Browser
let running: RunningServer
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await running?.stop()
})

const outlineTexts = (page: Page) => page.getByTestId('outline').locator('.outline-text')

describe('two people on one board, in Chromium', () => {
  it('sees a note the other adds, and the note survives a server restart', async () => {
    running = await startServer({ clientDir: clientDir() })
    const w = await createWorkshop(running.url)
    const board = w.boards[0]!
    const link = `${running.url}/w/${w.id}/b/${board.id}#token=${w.tokens.participant}`
    const anna = await joinBoard(link, 'Anna')
    const bram = await joinBoard(link, 'Bram')

    // Anna double-clicks in the friction zone and types.
    const canvas = anna.getByTestId('board-canvas')
    const box = (await canvas.boundingBox())!
    await anna.mouse.dblclick(box.x + box.width * 0.5, box.y + box.height * 0.3)
    await anna.keyboard.type('Planning ligt vast')
    await anna.keyboard.press('Enter')

    await expect.poll(() => outlineTexts(bram).allTextContents()).toEqual(['Planning ligt vast'])
    await expect.poll(() => bram.getByTestId('presence').locator('li').count()).toBe(2)
    // It landed in the zone where it was dropped.
    const friction = bram.getByTestId('outline').locator('section', { hasText: 'Friction points' })
    await expect
      .poll(() => friction.locator('.outline-text').allTextContents())
      .toEqual(['Planning ligt vast'])

    // Restart the server on the same port: both reconnect by themselves and keep the note.
    const port = Number(new URL(running.url).port)
    await running.server.close()
    await expect
      .poll(() => bram.getByTestId('connection').getAttribute('data-status'))
      .not.toBe('connected')
    running = await startServer({ clientDir: clientDir(), dataDir: running.dataDir, port })
    await expect
      .poll(() => bram.getByTestId('connection').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('connected')

    const carla = await joinBoard(link, 'Carla')
    await expect.poll(() => outlineTexts(carla).allTextContents()).toEqual(['Planning ligt vast'])
    await expect.poll(() => outlineTexts(anna).allTextContents()).toEqual(['Planning ligt vast'])
  })
})
