import { describe, it } from 'vitest'
import { allTexts, outlineNote, poll, useBoard } from './board.people.js'

const board = useBoard()

describe('the outline by keyboard only, two people in Chromium', () => {
  it('Bram sees what Anna adds, edits, votes, duplicates and deletes without a mouse', async () => {
    const anna = await board.join('Anna')
    const bram = await board.join('Bram')
    const { page } = anna

    await page.getByRole('button', { name: 'Add a note to Solutions' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('textbox', { name: 'Text of the new note in Solutions' }).waitFor()
    await page.keyboard.type('Daily rush slot')
    await page.keyboard.press('Enter')
    await poll(() => allTexts(bram.page)).toEqual(['Daily rush slot'])

    await page.getByRole('button', { name: 'Edit: Daily rush slot' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('textbox', { name: 'Text of the note' }).waitFor()
    await page.keyboard.press('End')
    await page.keyboard.type(' at 10:00')
    await page.keyboard.press('Enter')
    await poll(() => allTexts(bram.page)).toEqual(['Daily rush slot at 10:00'])

    await page.getByRole('button', { name: 'Vote for this note: Daily rush slot at 10:00' }).focus()
    await page.keyboard.press('Enter')
    const votes = outlineNote(bram.page, 'Daily rush slot at 10:00').getByTestId('vote-count')
    await poll(() => votes.getAttribute('data-count')).toBe('1')

    // "Show on the board" selects the note, so the canvas shortcuts act on it.
    await page.getByRole('button', { name: 'Show on the board: Daily rush slot at 10:00' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+d')
    await poll(() => allTexts(bram.page)).toEqual([
      'Daily rush slot at 10:00',
      'Daily rush slot at 10:00',
    ])
    await page.keyboard.press('Delete')
    await poll(() => allTexts(bram.page)).toEqual(['Daily rush slot at 10:00'])
  })
})
