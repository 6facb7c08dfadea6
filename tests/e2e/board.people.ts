import { afterAll, beforeAll, expect } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { NOTE_SIZE } from '@sparboard/board-model'
import type { ServerOptions } from '@sparboard/server'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'

/**
 * A real server with one workshop, and the participant link of its first board; `checkable`
 * false keeps the free-text owner of agreements (the workshop's method option).
 */
export async function openBoard(checkable = true): Promise<{
  running: RunningServer
  browser: Browser
  link: string
}> {
  const running = await startServer({ clientDir: clientDir() })
  const w = await createWorkshop(running.url, {
    title: 'Sales & Operations',
    goals: ['Deliver on time', 'Grow margin'],
    sides: ['Sales', 'Operations'],
    cases: [{ title: 'Rush order', description: 'A key customer wants delivery in two days.' }],
    groups: 2,
    method: { checkableAgreements: checkable },
  })
  const board = w.boards[0]!
  const link = `${running.url}/w/${w.id}/b/${board.id}#token=${w.tokens.participant}`
  return { running, browser: await launchChromium(), link }
}

/**
 * Opens a server with one board and Chromium before a file's tests and closes both after;
 * `join` puts one more person on that board, speaking for the side named (the first by default).
 */
export function useBoard(options: { readonly checkable?: boolean } = {}): {
  join(name: string, side?: string): Promise<Person>
} {
  let opened: Awaited<ReturnType<typeof openBoard>> | undefined
  beforeAll(async () => {
    opened = await openBoard(options.checkable)
  })
  afterAll(async () => {
    await opened?.browser.close()
    await opened?.running.stop()
  })
  return { join: (name, side) => join(opened!.browser, opened!.link, name, side) }
}

/** Chromium and a real server serving the built client, opened before a file's tests. */
export function useServer(options: ServerOptions = {}): {
  readonly browser: Browser
  readonly running: RunningServer
} {
  const opened = {} as { browser: Browser; running: RunningServer }
  beforeAll(async () => {
    opened.browser = await launchChromium()
    opened.running = await startServer({ clientDir: clientDir(), ...options })
  })
  afterAll(async () => {
    await opened.browser?.close()
    await opened.running?.stop()
  })
  return opened
}

/** A person at their own computer: a browser context of their own, in their language. */
export async function openPage(browser: Browser, url: string, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  await page.goto(url)
  return page
}

export interface Person {
  readonly page: Page
  readonly context: BrowserContext
}

/** One person in their own browser context (own storage, own IndexedDB), joined by name. */
export async function join(
  browser: Browser,
  link: string,
  name: string,
  side?: string,
): Promise<Person> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
  })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  await page.goto(link)
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  if (side) await page.getByRole('radio', { name: side }).check()
  await page.getByRole('button', { name: 'Join the board' }).click()
  await page.locator('[data-testid=connection][data-status=connected]').waitFor()
  return { page, context }
}

/** The texts of the outline's notes in one zone (by its heading), as that person sees them. */
export const zoneTexts = (page: Page, zone: string) =>
  page
    .getByTestId('outline')
    .locator('section', { has: page.getByRole('heading', { name: zone }) })
    .locator('.outline-text')
    .allTextContents()

/** All note texts in that person's outline, sorted. */
export const allTexts = async (page: Page) =>
  (await page.getByTestId('outline').locator('.outline-text').allTextContents()).sort()

/** The outline's labels for adding a note to a zone, in the page's language. */
export interface OutlineWords {
  readonly add: (zone: string) => string
  readonly text: (zone: string) => string
}
export const englishOutline: OutlineWords = {
  add: (zone) => `Add a note to ${zone}`,
  text: (zone) => `Text of the new note in ${zone}`,
}

/** Adds a note through the outline, with the keyboard only. */
export async function addInOutline(
  page: Page,
  zone: string,
  text: string,
  words: OutlineWords = englishOutline,
) {
  await page.getByRole('button', { name: words.add(zone) }).click()
  await page.getByRole('textbox', { name: words.text(zone) }).fill(text)
  await page.keyboard.press('Enter')
}

/** A note's row in the outline. */
export const outlineNote = (page: Page, text: string) =>
  page.getByTestId('outline-note').filter({ has: page.locator('.outline-text', { hasText: text }) })

/**
 * Brings a note to the middle of the canvas (its outline's "Show on the board", in either
 * language) and moves the mouse onto a spot of it, given in board units from the note's top
 * left corner; returns that point of the page.
 */
export async function pointAtNote(page: Page, text: string, spot: { x: number; y: number }) {
  await outlineNote(page, text)
    .getByRole('button', { name: /^(Show on the board|Toon op het bord)/ })
    .click()
  await page.evaluate(() => new Promise(requestAnimationFrame))
  const canvas = page.getByTestId('board-canvas')
  const box = (await canvas.boundingBox())!
  const scale = Number(await canvas.getAttribute('data-scale'))
  const x = box.x + box.width / 2 + (spot.x - NOTE_SIZE.width / 2) * scale
  const y = box.y + box.height / 2 + (spot.y - NOTE_SIZE.height / 2) * scale
  // From beside it: a pointer already there would not move.
  await page.mouse.move(x - 40, y + 40)
  await page.mouse.move(x, y, { steps: 3 })
  return { x, y }
}

/** A point of the canvas, as a fraction of its size, in page coordinates. */
export async function canvasPoint(page: Page, fx: number, fy: number) {
  const box = (await page.getByTestId('board-canvas').boundingBox())!
  return { x: box.x + box.width * fx, y: box.y + box.height * fy }
}

/** With SCREENSHOT_DIR=... set, saves what the page shows as <name>.png there, to look at. */
export async function screenshot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` })
}

/** expect.poll with room for a loaded machine: two cores are shared by everything here. */
export function poll<T>(
  fn: () => T | Promise<T>,
  options: { timeout?: number } = {},
): ReturnType<typeof expect.poll<T>> {
  return expect.poll(fn, { timeout: 15_000, ...options })
}
