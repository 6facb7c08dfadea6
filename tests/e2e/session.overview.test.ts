import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addNote, asNoteId, userOrigin } from '@sparboard/board-model'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { poll } from './board.people.js'

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

async function facilitatorPage(url: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  await page.goto(url)
  await page.getByTestId('facilitator-panel').waitFor()
  return page
}

describe('the facilitator overview, in Chromium', () => {
  it('[C17] shows a live picture of every board, drawn again once its note count changes', async () => {
    const w = await createWorkshop(running.url)
    const page = await facilitatorPage(`${running.url}/w/${w.id}#token=${w.tokens.facilitator}`)
    const drawn: string[] = []
    page.on('response', (res) => {
      if (res.url().includes('/export.png') && res.ok()) drawn.push(res.url())
    })
    const thumbnails = page.getByTestId('board-thumbnail')
    await poll(() => thumbnails.count()).toBe(w.boards.length)
    await poll(() => page.locator('[data-testid=board-thumbnail][data-loaded=true]').count()).toBe(
      w.boards.length,
    )
    // nothing in the token's place: it travels in a header
    expect(await thumbnails.first().locator('img').getAttribute('src')).toMatch(/^blob:/)

    const board = w.boards[0]!
    const before = drawn.filter((u) => u.includes(board.id)).length
    const writer = openBoard(running.wsUrl, board.id, w.tokens.participant)
    closers.push(() => writer.provider.destroy())
    await synced(writer.provider)
    addNote(
      writer.doc,
      asNoteId('n1'),
      { category: 'solution', x: 10, y: 10, text: 'Reserve capacity', author: 'Anna' },
      userOrigin('Anna'),
    )
    await poll(() => drawn.filter((u) => u.includes(board.id)).length).toBeGreaterThan(before)
  })
})
