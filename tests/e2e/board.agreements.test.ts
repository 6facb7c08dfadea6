import { createCanvas, loadImage } from '@napi-rs/canvas'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { AGREEMENT_MARKER, AGREEMENT_MARKER_SHAPES } from '@sparboard/board-scene'
import {
  addInOutline,
  canvasPoint,
  pointAtNote,
  poll,
  screenshot,
  useBoard,
} from './board.people.js'

// the free-text owner; checkable agreements are run in session.series.test.ts
const board = useBoard({ checkable: false })

describe('agreements, two people in Chromium', () => {
  it('Bram sees the agreement Anna makes from a solution, with owner, date and strategy check', async () => {
    const anna = await board.join('Anna')
    const bram = await board.join('Bram')
    await addInOutline(anna.page, 'Solutions', 'Reserve a rush-order slot every day')

    const empty = await canvasPoint(anna.page, 0.01, 0.01)
    await anna.page.mouse.click(empty.x, empty.y)
    await anna.page.keyboard.press('Control+a')
    await anna.page.keyboard.press('a')
    const form = anna.page.getByTestId('agreement-form')
    await form.getByLabel('Owner').fill('Bram')
    await form.getByLabel('Due date').fill('2026-12-15')
    await form.getByLabel('Deliver on time').selectOption('supports')
    await form.getByLabel('Grow margin').selectOption('conflicts')
    await form.getByRole('button', { name: 'Save agreement' }).click()

    await bram.page.getByRole('button', { name: /^Agreements/ }).click()
    const agreement = bram.page.getByTestId('agreement')
    await poll(() => agreement.count()).toBe(1)
    await poll(() => agreement.locator('.agreement-text').textContent()).toBe(
      'Reserve a rush-order slot every day',
    )
    await poll(() => agreement.textContent()).toContain('Bram · due 15 December 2026')
    await poll(() => agreement.locator('.goal-scores li').allTextContents()).toEqual([
      'Deliver on timeSupports',
      'Grow marginConflicts',
    ])
  })
})

/** Pixels of the agreement marker's green in a small square of the page around a point. */
async function markerGreenAt(page: Page, point: { x: number; y: number }) {
  const png = await page.screenshot({
    clip: { x: point.x - 7, y: point.y - 7, width: 14, height: 14 },
  })
  const image = await loadImage(png)
  const ctx = createCanvas(image.width, image.height).getContext('2d')
  ctx.drawImage(image, 0, 0)
  const { data } = ctx.getImageData(0, 0, image.width, image.height)
  const [r, g, b] = [1, 3, 5].map((i) =>
    parseInt(AGREEMENT_MARKER_SHAPES.seal.fill.slice(i, i + 2), 16),
  )
  let n = 0
  for (let i = 0; i < data.length; i += 4)
    if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++
  return n
}

const MARKER = {
  x: AGREEMENT_MARKER.x + AGREEMENT_MARKER.size / 2,
  y: AGREEMENT_MARKER.y + AGREEMENT_MARKER.size / 2,
}

describe('a solution that became an agreement, in Chromium', () => {
  it('carries a marker on the canvas and offers “Show agreement” instead of a second one, in English and Dutch', async () => {
    const anna = await board.join('Anna')
    const bram = await board.join('Bram')
    await addInOutline(anna.page, 'Solutions', 'Share the forecast weekly')
    await addInOutline(anna.page, 'Solutions', 'Rush fee')
    const tools = anna.page.getByTestId('selection-tools')

    await pointAtNote(anna.page, 'Share the forecast weekly', MARKER)
    await tools.getByRole('button', { name: 'Make agreement' }).click()
    const form = anna.page.getByTestId('agreement-form')
    await form.getByLabel('Owner').fill('Bram')
    await form.getByRole('button', { name: 'Save agreement' }).click()
    await poll(() => form.count()).toBe(0)

    // Still selected, the solution now offers its agreement, not another one.
    await poll(() => tools.getByRole('button', { name: 'Show agreement' }).count()).toBe(1)
    expect(await tools.getByRole('button', { name: 'Make agreement' }).count()).toBe(0)
    // The marker is drawn on it, and its tip says what it is; the other solution has none.
    const marker = await pointAtNote(anna.page, 'Share the forecast weekly', MARKER)
    await poll(() => markerGreenAt(anna.page, marker)).toBeGreaterThan(20)
    const tip = anna.page.getByTestId('note-tip')
    await poll(() => tip.textContent()).toBe('Agreement: Share the forecast weekly')
    await screenshot(anna.page, 'agreement-marker-en')
    const plain = await pointAtNote(anna.page, 'Rush fee', MARKER)
    await poll(() => tip.count()).toBe(0)
    expect(await markerGreenAt(anna.page, plain)).toBe(0)
    await poll(() => tools.getByRole('button', { name: 'Make agreement' }).count()).toBe(1)

    // Bram, in Dutch, asks for the agreement from the solution: the panel opens at it.
    await bram.page.getByLabel('Language').selectOption('nl')
    await pointAtNote(bram.page, 'Share the forecast weekly', MARKER)
    await poll(() => bram.page.getByTestId('note-tip').textContent()).toBe(
      'Afspraak: Share the forecast weekly',
    )
    await bram.page
      .getByTestId('selection-tools')
      .getByRole('button', { name: 'Afspraak tonen' })
      .click()
    const shown = bram.page.getByTestId('agreements').locator('.agreement-shown')
    await poll(() => shown.locator('.agreement-text').textContent()).toBe(
      'Share the forecast weekly',
    )
    await poll(() =>
      bram.page.evaluate(() => document.activeElement?.getAttribute('data-agreement-id')),
    ).toBe(await shown.getAttribute('data-agreement-id'))
    expect(await bram.page.getByTestId('agreement-form').count()).toBe(0)
    await screenshot(bram.page, 'agreement-shown-nl')
    const forecast = bram.page.getByTestId('agreement').filter({ hasText: 'forecast' })
    expect(await forecast.count()).toBe(1)
  })
})
