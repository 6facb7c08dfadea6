import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addNote, asNoteId, userOrigin } from '@sparboard/board-model'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { watchedPage, type WatchedPage } from '../support/watchedPage.js'
import { openBoard, synced } from '../support/yjsClient.js'

/** What participants could type to attack each other; each sets window.__xss if it runs. */
const Payload = {
  img: '<img src=x onerror="window.__xss=1;alert(1)">',
  link: 'javascript:window.__xss=1;alert(1)',
  svg: '<svg onload="window.__xss=1"><script>alert(1)</script></svg>',
  rtl: 'Factuur \u202Egpj.exe',
  breakout: '"><iframe src="javascript:alert(1)"></iframe>',
  template: "{{constructor.constructor('alert(1)')()}}",
} as const

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

/** Nothing the payloads carry became markup, ran, or opened a dialog. */
async function expectInert(watched: WatchedPage) {
  const { page } = watched
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    handlers: [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on')),
    ).length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i], iframe').length,
    svgs: [...document.querySelectorAll('svg')].filter((s) => s.getAttribute('onload')).length,
    scripts: [...document.scripts].filter((s) => !s.src).length,
  }))
  expect(injected).toEqual({ images: 0, handlers: 0, jsLinks: 0, svgs: 0, scripts: 0 })
  expect(await watched.scriptRan()).toBe(false)
  expect(watched.dialogs).toEqual([])
  expect(watched.errors).toEqual([])
}

const shows = (page: Page, text: string) =>
  expect.poll(() => page.getByText(text, { exact: false }).count()).toBeGreaterThan(0)

describe('text from participants is never interpreted, in Chromium', () => {
  it('keeps payloads in titles, goals, cases, names and notes inert on every screen', async () => {
    const w = await createWorkshop(running.url, {
      title: Payload.img,
      goals: [Payload.link, Payload.svg, Payload.template],
      sides: [Payload.img, Payload.rtl],
      cases: [{ title: Payload.breakout, description: Payload.svg }],
      groups: 1,
    })
    const board = w.boards[0]!.id
    const writer = openBoard(running.wsUrl, board, w.tokens.participant)
    await synced(writer.provider)
    Object.values(Payload).forEach((text, i) =>
      addNote(
        writer.doc,
        asNoteId(`xss-${i}`),
        { category: 'friction', x: 900 + i * 10, y: 100 + i * 160, text, author: Payload.img },
        userOrigin('attacker'),
      ),
    )

    // The facilitator's workshop screen shows the title, goals and case.
    const facilitator = await watchedPage(browser)
    await facilitator.page.goto(w.links.facilitator)
    await shows(facilitator.page, Payload.breakout)
    await shows(facilitator.page, Payload.link)
    // The delete confirmation interpolates the title through i18next (escapeValue: false).
    await facilitator.page.getByRole('button', { name: 'Delete workshop…' }).click()
    const confirm = facilitator.page.getByRole('alertdialog')
    await expect.poll(() => confirm.textContent()).toContain(Payload.img)
    await expectInert(facilitator)
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    // Until the facilitator copied their link, leaving the page asks first (beforeunload), and a
    // goto to another address would be cancelled: copy it, as the notice asks.
    await facilitator.page.getByTestId('link-not-copied').getByRole('button').click()
    await facilitator.page.getByTestId('link-not-copied').waitFor({ state: 'detached' })

    // A participant whose saved name is a payload opens the board and joins.
    const participant = await watchedPage(browser, { 'sparboard.name': Payload.img })
    const boardLink = `${running.url}/w/${w.id}/b/${board}#token=${w.tokens.participant}`
    await participant.page.goto(boardLink)
    const join = participant.page.getByRole('dialog')
    if (await join.isVisible()) {
      await join.getByRole('radio').first().check()
      await join.locator('button[type=submit]').click()
    }
    await participant.page.locator('[data-testid=connection][data-status=connected]').waitFor()
    await expect
      .poll(() =>
        participant.page.getByTestId('outline').locator('.outline-text').allTextContents(),
      )
      .toEqual(expect.arrayContaining(Object.values(Payload)))
    await expectInert(participant)

    // The facilitator on the same board sees the participant's name and every note.
    await facilitator.page.goto(`${running.url}/w/${w.id}/b/${board}#token=${w.tokens.facilitator}`)
    await facilitator.page.reload()
    const nameDialog = facilitator.page.getByRole('dialog')
    if (await nameDialog.isVisible()) {
      await nameDialog.getByRole('textbox').first().fill(Payload.svg.slice(0, 60))
      await nameDialog.locator('button[type=submit]').click()
    }
    await facilitator.page.locator('[data-testid=connection][data-status=connected]').waitFor()
    await expect
      .poll(() =>
        facilitator.page
          .getByTestId('presence')
          .locator('li')
          .evaluateAll((items) => items.map((li) => li.getAttribute('title'))),
      )
      .toContain(Payload.img)
    await shows(facilitator.page, Payload.rtl)
    await expectInert(facilitator)
    await expectInert(participant)
    writer.provider.destroy()
  })

  it('keeps payloads typed into the start form inert on the links screen', async () => {
    const start = await watchedPage(browser)
    await start.page.goto(running.url)
    const inputs = start.page.locator('form input:not([type=number]), form textarea')
    await inputs.nth(0).fill(Payload.img)
    await start.page.locator('form textarea').first().fill(`${Payload.link}\n${Payload.svg}`)
    const caseTitle = start.page.locator('.case-draft input').first()
    await caseTitle.fill(Payload.breakout)
    await start.page.locator('form button[type=submit]').click()
    await start.page.getByTestId('links').waitFor()
    await expectInert(start)
  })
})
