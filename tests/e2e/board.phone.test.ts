import type { BrowserContext, CDPSession, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { NOTE_SIZE, readNotes, ZONES, type NoteSnapshot } from '@sparboard/board-model'
import { NOTE_TEXT } from '@sparboard/board-scene'
import { createWorkshop } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { join, poll, screenshot, useServer } from './board.people.js'

const server = useServer()

/** What a phone or tablet person reads and taps, in the page's language. */
interface Words {
  readonly locale: string
  readonly name: string
  readonly join: string
  readonly openBoard: string
  readonly addToFriction: string
  readonly zoomToSales: string
  readonly menu: string
  readonly vote: string
  readonly actions: readonly string[]
  readonly sheet: RegExp
  readonly salesHeading: string
  readonly goals: string
  readonly agreements: RegExp
}
const NL: Words = {
  locale: 'nl-NL',
  name: 'Je naam',
  join: 'Meedoen',
  openBoard: 'Bord openen',
  addToFriction: 'Nieuwe notitie in Schuurpunten',
  zoomToSales: 'Zoom in op Belangen van Sales',
  menu: 'Wat je met deze notitie kunt doen',
  vote: 'Stem',
  actions: ['Bewerken', 'Stem', 'Clusteren', 'Verwijderen'],
  sheet: /^Notities & doelen \(1\)$/,
  salesHeading: 'Belangen van Sales',
  goals: 'Strategie en doelen',
  agreements: /^Afspraken \(0\)$/,
}
const EN: Words = {
  locale: 'en-GB',
  name: 'Your name',
  join: 'Join',
  openBoard: 'Open board',
  addToFriction: 'New note in Friction points',
  zoomToSales: 'Zoom to Interests of Sales',
  menu: 'What to do with this note',
  vote: 'Vote',
  actions: ['Edit', 'Vote', 'Group', 'Delete'],
  sheet: /^Notes & goals \(1\)$/,
  salesHeading: 'Interests of Sales',
  goals: 'Strategy and goals',
  agreements: /^Agreements \(0\)$/,
}

/** [M1] The page is no wider than the screen: nothing to scroll sideways to. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll, `${where}: page ${scroll} px wide in a ${client} px screen`).toBeLessThanOrEqual(
    client,
  )
}

type Point = { x: number; y: number }

/** Where a board point is on the page, as the canvas shows it now. */
async function onScreen(page: Page, x: number, y: number): Promise<Point> {
  const canvas = page.getByTestId('board-canvas')
  const [vx, vy, scale] = (await canvas.getAttribute('data-view'))!.split(',').map(Number)
  const box = (await canvas.boundingBox())!
  return { x: box.x + vx! + x * scale!, y: box.y + vy! + y * scale! }
}

/** Fingers on the glass, through Chromium's own touch input (as a phone's screen sends it). */
async function touch(finger: CDPSession, from: Point[], to: Point[], steps = 8) {
  const points = (ps: Point[]) => ps.map((p, id) => ({ x: p.x, y: p.y, id }))
  await finger.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) })
  for (let i = 1; i <= steps; i++) {
    const at = from.map((p, k) => ({
      x: p.x + ((to[k]!.x - p.x) * i) / steps,
      y: p.y + ((to[k]!.y - p.y) * i) / steps,
    }))
    await finger.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(at) })
  }
  await finger.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
}

const scaleOf = async (page: Page) =>
  Number(await page.getByTestId('board-canvas').getAttribute('data-scale'))

/**
 * One participant on a touch screen, from the start page to a vote: join, add a note in a zone,
 * zoom and pan with fingers, drag the note to another zone, vote from its long-press menu, read
 * the outline in the sheet. No page scrolls sideways on the way.
 */
async function journey(
  context: BrowserContext,
  words: Words,
  shot: string,
): Promise<{ page: Page; note: () => Promise<NoteSnapshot | undefined> }> {
  const w = await createWorkshop(server.running.url)
  const board = w.boards[0]!
  const reader = openBoard(server.running.wsUrl, board.id, w.tokens.facilitator, new Y.Doc())
  await synced(reader.provider)
  const text = 'Rush slot every week'
  const note = async () => readNotes(reader.doc).find((n) => n.text === text)

  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  const finger = await context.newCDPSession(page)
  await page.goto(server.running.url)
  await page.getByRole('button').first().waitFor()
  await expectNoSidewaysScroll(page, 'start')

  // The participant link: the join dialog, whole on the screen.
  await page.goto(`${server.running.url}/w/${w.id}#token=${w.tokens.participant}`)
  const name = page.getByRole('textbox', { name: words.name })
  await name.waitFor()
  await expectNoSidewaysScroll(page, 'join dialog')
  const submit = page.getByRole('button', { name: words.join, exact: true })
  const width = page.viewportSize()!.width
  expect((await submit.boundingBox())!.x + (await submit.boundingBox())!.width).toBeLessThanOrEqual(
    width,
  )
  await name.fill('Bram')
  await page.getByRole('radio', { name: 'Sales' }).check()
  await submit.tap()
  await poll(() => name.count()).toBe(0)
  await expectNoSidewaysScroll(page, 'workshop')

  await page.getByRole('button', { name: words.openBoard }).first().tap()
  await page.locator('[data-testid=connection][data-status=connected]').waitFor()
  // [M2] The board takes the whole width.
  expect((await page.getByTestId('board-canvas').boundingBox())!.width).toBe(width)
  await expectNoSidewaysScroll(page, 'board')

  // [M3] The zone's +: a note in that zone, where the view is, its text readable.
  await page.getByRole('button', { name: words.addToFriction }).tap()
  await page.locator('.note-editor').waitFor()
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
  await poll(async () => (await note())?.category).toBe('friction')
  expect(NOTE_TEXT.font.size * (await scaleOf(page))).toBeGreaterThanOrEqual(12)
  await screenshot(page, `${shot}-added`)

  // [M4] Two fingers pinch the board smaller.
  const before = await scaleOf(page)
  const box = (await page.getByTestId('board-canvas').boundingBox())!
  const mid = { x: box.x + box.width / 2, y: box.y + box.height * 0.3 }
  await touch(
    finger,
    [
      { x: mid.x - 120, y: mid.y },
      { x: mid.x + 120, y: mid.y },
    ],
    [
      { x: mid.x - 40, y: mid.y },
      { x: mid.x + 40, y: mid.y },
    ],
  )
  await poll(() => scaleOf(page)).toBeLessThan(before * 0.6)

  // [M4] One finger on an empty part of the board pans it: here, so that the note and the Sales
  // zone are both in view.
  const sales = ZONES[0]!
  const target = { x: sales.x + sales.width / 2, y: sales.y + sales.height / 2 }
  const placed = (await note())!
  const centre = { x: placed.x + NOTE_SIZE.width / 2, y: placed.y + NOTE_SIZE.height / 2 }
  const between = await onScreen(page, (centre.x + target.x) / 2, (centre.y + target.y) / 2)
  const empty = await onScreen(page, target.x, target.y)
  const shift = { x: box.x + box.width / 2 - between.x, y: box.y + box.height / 2 - between.y }
  const viewBefore = await page.getByTestId('board-canvas').getAttribute('data-view')
  await touch(finger, [empty], [{ x: empty.x + shift.x, y: empty.y + shift.y }])
  await poll(() => page.getByTestId('board-canvas').getAttribute('data-view')).not.toBe(viewBefore)
  const panned = await onScreen(page, target.x, target.y)
  expect(Math.abs(panned.x - (empty.x + shift.x))).toBeLessThan(2)

  // [M4] One finger drags the note into the Sales zone; everyone's board has it there.
  await touch(
    finger,
    [await onScreen(page, centre.x, centre.y)],
    [await onScreen(page, target.x, target.y)],
  )
  await poll(async () => [(await note())?.category, (await note())?.side]).toEqual(['interest', 0])

  // [M4] A long press opens the note's actions; a tap on one votes.
  const held = await onScreen(page, target.x, target.y)
  await finger.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ x: held.x, y: held.y }],
  })
  const menu = page.getByRole('menu', { name: words.menu })
  await menu.waitFor()
  await finger.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  const items = await menu.getByRole('menuitem').allTextContents()
  for (const action of words.actions) expect(items.some((i) => i.includes(action))).toBe(true)
  await screenshot(page, `${shot}-menu`)
  await menu.getByRole('menuitem', { name: words.vote }).tap()
  await poll(() => page.getByTestId('votes-left').getAttribute('data-left')).toBe('2')

  // [M3] The zone's chip brings it into view with its text at 12 CSS px or more.
  await page.getByRole('button', { name: words.zoomToSales }).tap()
  await poll(async () => NOTE_TEXT.font.size * (await scaleOf(page))).toBeGreaterThanOrEqual(12)

  // [M2] The outline and the goals open as a sheet; [M5] the goals cover none of the outline.
  await page.getByRole('button', { name: words.sheet }).tap()
  const outline = page.getByTestId('outline')
  await outline.getByText(text).waitFor()
  await page.getByRole('heading', { name: words.goals }).waitFor()
  const first = (await outline.getByRole('heading', { name: words.salesHeading }).boundingBox())!
  const topmost = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid=outline]') !== null,
    { x: first.x + 4, y: first.y + first.height / 2 },
  )
  expect(topmost).toBe(true)
  await expectNoSidewaysScroll(page, 'board with its sheet open')
  await screenshot(page, `${shot}-sheet`)

  // [M2] The header's actions are in its menu.
  await page.getByTestId('board-sheet').getByRole('button', { expanded: true }).tap()
  await page.getByRole('button', { name: 'Menu' }).tap()
  await page.getByRole('button', { name: words.agreements }).waitFor()
  await expectNoSidewaysScroll(page, 'board with its menu open')
  await screenshot(page, `${shot}-header-menu`)
  reader.provider.destroy()
  return { page, note }
}

describe('phones and tablets, in Chromium with touch', () => {
  it('[M1]-[M5] on a phone (390x844, nl): join, add a note in a zone, zoom and pan with fingers, drag it, vote, open the outline sheet; no page scrolls sideways', async () => {
    const context = await server.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      locale: NL.locale,
    })
    await journey(context, NL, 'phone-nl')
    await context.close()
  })

  it('[M1]-[M5] on a tablet (768x1024, en): the same journey', async () => {
    const context = await server.browser.newContext({
      viewport: { width: 768, height: 1024 },
      hasTouch: true,
      isMobile: true,
      locale: EN.locale,
    })
    await journey(context, EN, 'tablet-en')
    await context.close()
  })

  it('[M6] at 1366 px with three people on a board the header keeps to one row: a short title shows whole, a long one gives way, never the buttons', async () => {
    const long =
      'Rush order from a key account that wants forty percent more volume within two days'
    const w = await createWorkshop(server.running.url, {
      title: 'Sales & Operations',
      goals: ['Deliver on time'],
      sides: ['Sales', 'Operations'],
      cases: [{ title: 'Rush order from a key account' }, { title: long }],
      groups: 1,
    })
    const boardOf = (i: number) => {
      const caseId = w.cases?.[i]?.id
      const board = w.boards.find((b) => b.caseId === caseId) ?? w.boards[i]!
      return `${server.running.url}/w/${w.id}/b/${board.id}`
    }
    const link = `${boardOf(0)}#token=${w.tokens.participant}`
    // The facilitator's header has the most in it (history too).
    const people = [
      await join(server.browser, `${boardOf(0)}#token=${w.tokens.facilitator}`, 'Anna'),
      await join(server.browser, link, 'Bram', 'Operations'),
      await join(server.browser, link, 'Chris'),
    ]
    const { page } = people[0]!
    await page.setViewportSize({ width: 1366, height: 768 })
    // Dutch words are the longer ones.
    await page.getByLabel('Language').selectOption('nl')
    await poll(() => page.getByTestId('presence').getByRole('listitem').count()).toBe(3)
    const header = page.locator('.app-header')
    const title = page.getByRole('heading', { level: 1 })
    const oneRow = async () => {
      await page.getByRole('button', { name: 'Geschiedenis' }).waitFor()
      // One row: as tall as its tallest control, not two rows of them; no button's words wrap.
      expect((await header.boundingBox())!.height).toBeLessThan(64)
      for (const name of [/Alle borden/, /Afspraken/, 'Geschiedenis'])
        expect((await header.getByRole('button', { name }).boundingBox())!.height).toBeLessThan(36)
      expect((await title.boundingBox())!.height).toBeLessThan(30)
    }
    await oneRow()
    expect(await title.textContent()).toBe('Rush order from a key account')
    expect(await title.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true)
    await expectNoSidewaysScroll(page, 'board at 1366 px')
    await screenshot(page, 'header-1366-three')

    await page.goto(`${boardOf(1)}#token=${w.tokens.facilitator}`)
    await page.locator('[data-testid=connection][data-status=connected]').waitFor()
    await poll(() => title.textContent()).toBe(long)
    await oneRow()
    await expectNoSidewaysScroll(page, 'board with a long title at 1366 px')
    await screenshot(page, 'header-1366-long-title')
    for (const p of people) await p.context.close()
  }, 150_000)
})
