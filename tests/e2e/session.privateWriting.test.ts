import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readNotes } from '@sparboard/board-model'
import { privateRoom } from '@sparboard/protocol'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { openRaw } from '../support/rawClient.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { eventually } from '../support/eventually.js'
import { openBoard, synced } from '../support/yjsClient.js'

let browser: Browser
let running: RunningServer
const closers: (() => void)[] = []
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  for (const close of closers) close()
  await browser?.close()
  await running?.stop()
})

type StorageState = Awaited<ReturnType<ReturnType<Page['context']>['storageState']>>

/** A page in a browser of its own; `storageState` brings back a browser that was closed. */
async function open(url: string, storageState?: StorageState): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    storageState,
  })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  await page.goto(url)
  return page
}

const outline = (page: Page) => page.getByTestId('outline').locator('.outline-text')
const sorted = async (texts: Promise<string[]> | string[]) => [...(await texts)].sort()

describe('private writing, in Chromium', () => {
  it('[C12][C13][C19] keeps each participant’s notes to themselves until the reveal, which shows an absent author’s notes too', async () => {
    running = await startServer({ clientDir: clientDir() })
    const w = await createWorkshop(running.url)
    const board = w.boards[0]!
    const base = `${running.url}/w/${w.id}`
    const boardUrl = `${base}/b/${board.id}#token=${w.tokens.participant}`
    const fac = await open(`${base}#token=${w.tokens.facilitator}`)
    await fac.getByRole('button', { name: '2. Interests and friction' }).click()

    // Someone with the participant link who never joined, listening on the board with a raw
    // client and a stock one: they must not get a private note by any frame.
    const raw = openRaw(running.wsUrl, board.id, w.tokens.participant)
    closers.push(() => raw.ws.close())
    const spy = openBoard(running.wsUrl, board.id, w.tokens.participant)
    closers.push(() => spy.provider.destroy())
    await synced(spy.provider)

    const write = async (name: string, text: string, at: number, direct = false) => {
      let page: Page
      if (direct) {
        // Straight to the board by link, past the workshop page's join dialog.
        page = await open(boardUrl)
        await page.getByRole('textbox', { name: 'Your name' }).fill(name)
        await page.getByRole('button', { name: 'Join the board' }).click()
      } else {
        page = await open(`${base}#token=${w.tokens.participant}`)
        const join = page.getByRole('dialog', { name: 'Join the workshop' })
        await join.getByLabel('Your name').fill(name)
        await join.getByRole('radio', { name: 'Sales' }).check()
        await join.getByRole('button', { name: 'Join' }).click()
        await expect.poll(() => join.count()).toBe(0)
        await page.goto(boardUrl)
      }
      await page.getByTestId('session-private').waitFor()
      await page.locator('[data-testid=connection][data-status=connected]').waitFor()
      const canvas = page.getByTestId('board-canvas')
      await canvas.waitFor()
      const box = (await canvas.boundingBox())!
      await page.mouse.dblclick(box.x + box.width * at, box.y + box.height * 0.3)
      await page.keyboard.type(text)
      await page.keyboard.press('Enter')
      await expect.poll(() => outline(page).allTextContents()).toContain(text)
      return page
    }
    const anna = await write('Anna', 'Anna alone', 0.45)
    const bram = await write('Bram', 'Bram alone', 0.55)
    const carla = await write('Carla', 'Carla alone', 0.65, true)

    await expect.poll(() => outline(anna).allTextContents()).toEqual(['Anna alone'])
    await expect.poll(() => outline(bram).allTextContents()).toEqual(['Bram alone'])
    await expect.poll(() => outline(carla).allTextContents()).toEqual(['Carla alone'])
    expect(readNotes(spy.doc)).toEqual([])
    const frames = () => raw.received.map((f) => Buffer.from(f).toString('latin1')).join('')
    expect(frames()).not.toMatch(/Anna alone|Bram alone|Carla alone/)

    // The facilitator sees that three notes wait, and not what they say.
    const activity = fac.getByTestId('session-board-activity').first()
    await expect
      .poll(() => activity.textContent())
      .toMatch(/^ · 0 notes \(\+3 private notes waiting for the reveal\) · /)

    // Bram closes his browser before the reveal, once his note is on the server (a second tab
    // of his, with his key, sees it).
    const identity = await bram.evaluate(
      (key) => localStorage.getItem(key),
      `sparboard.participant.${w.id}`,
    )
    const { privateKey: bramKey, personalToken: bramToken } = JSON.parse(identity ?? '{}') as {
      privateKey?: string
      personalToken?: string
    }
    if (!bramKey || !bramToken) throw new Error('Bram has no private key or personal token')
    // [H27] a private room opens to its participant's own token only
    const bramTab = openBoard(running.wsUrl, privateRoom(board.id, bramKey), bramToken)
    closers.push(() => bramTab.provider.destroy())
    await eventually(() =>
      expect(readNotes(bramTab.doc).map((n) => n.text)).toEqual(['Bram alone']),
    )
    bramTab.provider.destroy()
    const bramBrowser = await bram.context().storageState()
    await bram.context().close()

    await fac.getByRole('button', { name: 'Reveal the notes' }).click()
    const all = ['Anna alone', 'Bram alone', 'Carla alone']
    for (const page of [anna, carla])
      await expect.poll(() => sorted(outline(page).allTextContents())).toEqual(all)
    await expect.poll(() => sorted(readNotes(spy.doc).map((n) => n.text))).toEqual(all)
    expect(await sorted(readNotes(spy.doc).map((n) => n.author))).toEqual(['Anna', 'Bram', 'Carla'])
    await expect.poll(() => activity.textContent()).toMatch(/^ · 3 notes · /)

    // Bram comes back to the board in the browser he closed: every note once, his too.
    const back = await open(boardUrl, bramBrowser)
    await back.locator('[data-testid=connection][data-status=connected]').waitFor()
    await expect.poll(() => sorted(outline(back).allTextContents())).toEqual(all)
    expect(
      readNotes(spy.doc)
        .map((n) => n.text)
        .sort(),
    ).toEqual(all)
  })
})
