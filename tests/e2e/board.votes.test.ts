import { describe, it } from 'vitest'
import { addInOutline, canvasPoint, outlineNote, poll, useBoard } from './board.people.js'

const board = useBoard()

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
})
