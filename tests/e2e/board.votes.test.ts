import type { Page } from 'playwright-core'
import { describe, it } from 'vitest'
import { votePill } from '@sparboard/board-scene'
import {
  addInOutline,
  canvasPoint,
  outlineNote,
  pointAtNote,
  poll,
  screenshot,
  useBoard,
} from './board.people.js'

const board = useBoard()
const pill = votePill(false)
/** The middle of a note's vote pill. */
const PILL = { x: pill.x + pill.width / 2, y: pill.y + pill.height / 2 }

const votes = (page: Parameters<typeof outlineNote>[0], text: string) =>
  outlineNote(page, text).getByTestId('vote-count').getAttribute('data-count')

describe('votes and clusters, two people in Chromium', () => {
  it("Bram sees Anna's votes, his own on top, and the cluster Anna names", async () => {
    const anna = await board.join('Anna')
    const bram = await board.join('Bram')
    await addInOutline(anna.page, 'Solutions', 'Reserve capacity')
    await addInOutline(anna.page, 'Solutions', 'Weekly planning call')
    await poll(() => outlineNote(bram.page, 'Weekly planning call').count()).toBe(1)

    // Votes from the outline, by keyboard-reachable buttons.
    await outlineNote(anna.page, 'Reserve capacity').getByRole('button', { name: /^Vote/ }).click()
    await outlineNote(anna.page, 'Reserve capacity').getByRole('button', { name: /^Vote/ }).click()
    await outlineNote(bram.page, 'Reserve capacity').getByRole('button', { name: /^Vote/ }).click()
    await poll(() => votes(bram.page, 'Reserve capacity')).toBe('3')
    await poll(() => votes(anna.page, 'Reserve capacity')).toBe('3')
    // Anna takes one back; Bram's dot stays.
    await outlineNote(anna.page, 'Reserve capacity')
      .getByRole('button', { name: /^Take a vote back/ })
      .click()
    await poll(() => votes(bram.page, 'Reserve capacity')).toBe('2')
    // Each has one dot on the board now, so both have the same number left.
    const annaLeft = await anna.page.getByTestId('votes-left').getAttribute('data-left')
    await poll(() => bram.page.getByTestId('votes-left').getAttribute('data-left')).toBe(annaLeft)

    // Anna selects both notes on the canvas (Ctrl+A), groups them and names the cluster.
    const empty = await canvasPoint(anna.page, 0.01, 0.01)
    await anna.page.mouse.click(empty.x, empty.y)
    await anna.page.keyboard.press('Control+a')
    await anna.page.keyboard.press('g')
    await anna.page.getByRole('textbox', { name: 'Cluster name' }).fill('Capacity')
    await anna.page.keyboard.press('Enter')
    for (const text of ['Reserve capacity', 'Weekly planning call'])
      await poll(() => outlineNote(bram.page, text).locator('.outline-cluster').textContent()).toBe(
        'Capacity',
      )
  })
  it('Anna (Sales) and Bram (Operations) see each note’s votes split by side, in the outline and on the badge, in English and Dutch', async () => {
    const anna = await board.join('Anna', 'Sales')
    const bram = await board.join('Bram', 'Operations')
    await addInOutline(anna.page, 'Solutions', 'Rush fee for orders under two days')
    await poll(() => outlineNote(bram.page, 'Rush fee').count()).toBe(1)
    const voteButton = (page: Page) =>
      outlineNote(page, 'Rush fee').getByRole('button', { name: /^Vote for this note/ })
    await voteButton(anna.page).click()
    await voteButton(anna.page).click()
    await voteButton(bram.page).click()

    const summary = (page: Page) => outlineNote(page, 'Rush fee').getByTestId('vote-count')
    await poll(() => summary(anna.page).textContent()).toBe(
      '3 votes: Sales 2, Operations 1 (yours: 2)',
    )
    await poll(() => summary(bram.page).textContent()).toBe(
      '3 votes: Sales 2, Operations 1 (yours: 1)',
    )

    // On the canvas the badge says the same, under the pointer.
    const tip = bram.page.getByTestId('note-tip')
    await pointAtNote(bram.page, 'Rush fee', PILL)
    await poll(() => tip.textContent()).toBe('3 votes: Sales 2, Operations 1 (yours: 1)')
    await screenshot(bram.page, 'votes-by-side-en')
    // Off the badge, on the note's text: no tip.
    await pointAtNote(bram.page, 'Rush fee', { x: 40, y: 60 })
    await poll(() => tip.count()).toBe(0)

    await bram.page.getByLabel('Language').selectOption('nl')
    await poll(() => summary(bram.page).textContent()).toBe(
      '3 stemmen: Sales 2, Operations 1 (van jou: 1)',
    )
    await pointAtNote(bram.page, 'Rush fee', PILL)
    await poll(() => tip.textContent()).toBe('3 stemmen: Sales 2, Operations 1 (van jou: 1)')
    await screenshot(bram.page, 'votes-by-side-nl')
  })
})
