import { describe, it } from 'vitest'
import { addInOutline, canvasPoint, poll, useBoard } from './board.people.js'

const board = useBoard()

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
