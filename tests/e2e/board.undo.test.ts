import { describe, it } from 'vitest'
import { addInOutline, allTexts, canvasPoint, poll, useBoard } from './board.people.js'

const board = useBoard()

describe('undo per person, two people in Chromium', () => {
  it("Anna's undo takes back her note and never Bram's, and redo brings hers back", async () => {
    const anna = await board.join('Anna')
    const bram = await board.join('Bram')
    await addInOutline(anna.page, 'Friction points', 'Mine, Anna')
    await poll(() => allTexts(bram.page)).toEqual(['Mine, Anna'])
    await addInOutline(bram.page, 'Friction points', 'Mine, Bram')
    await poll(() => allTexts(anna.page)).toEqual(['Mine, Anna', 'Mine, Bram'])

    // Bram's note is the newest change on the board, yet Anna's undo reverts only her own.
    const empty = await canvasPoint(anna.page, 0.01, 0.01)
    await anna.page.mouse.click(empty.x, empty.y)
    await anna.page.keyboard.press('Control+z')
    await poll(() => allTexts(bram.page)).toEqual(['Mine, Bram'])
    await anna.page.keyboard.press('Control+z')
    await poll(() => allTexts(anna.page)).toEqual(['Mine, Bram'])
    await poll(() => allTexts(bram.page)).toEqual(['Mine, Bram'])

    await anna.page.keyboard.press('Control+Shift+z')
    await poll(() => allTexts(bram.page)).toEqual(['Mine, Anna', 'Mine, Bram'])
  })
})
