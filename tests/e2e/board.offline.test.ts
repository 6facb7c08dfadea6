import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Browser } from 'playwright-core'
import type { RunningServer } from '../support/startServer.js'
import { addInOutline, allTexts, join, openBoard, poll } from './board.people.js'

let browser: Browser
let running: RunningServer
let link: string
beforeAll(async () => {
  ;({ browser, running, link } = await openBoard())
})
afterAll(async () => {
  await browser?.close()
  await running?.stop()
})

describe('offline edits, two people in Chromium', () => {
  it('Anna edits offline, sees that she is offline, and Bram gets her notes when she is back', async () => {
    const anna = await join(browser, link, 'Anna')
    const bram = await join(browser, link, 'Bram')
    await addInOutline(anna.page, 'Solutions', 'Before the train')
    await poll(() => allTexts(bram.page)).toEqual(['Before the train'])

    await anna.context.setOffline(true)
    await poll(() => anna.page.getByTestId('connection').getAttribute('data-status')).toBe(
      'offline',
    )
    await addInOutline(anna.page, 'Solutions', 'Written in the tunnel')
    await addInOutline(bram.page, 'Friction points', 'Meanwhile at the office')
    await poll(() => allTexts(bram.page)).toEqual(['Before the train', 'Meanwhile at the office'])
    await poll(() => allTexts(anna.page)).toEqual(['Before the train', 'Written in the tunnel'])

    await anna.context.setOffline(false)
    const all = ['Before the train', 'Meanwhile at the office', 'Written in the tunnel']
    await poll(() => allTexts(bram.page), { timeout: 20_000 }).toEqual(all)
    await poll(() => allTexts(anna.page), { timeout: 20_000 }).toEqual(all)
    await poll(() => anna.page.getByTestId('connection').getAttribute('data-status')).toBe(
      'connected',
    )
  })
})
