import { describe, it } from 'vitest'
import { allTexts, canvasPoint, poll, useBoard, zoneTexts } from './board.people.js'

const board = useBoard()

describe('notes on a shared board, two people in Chromium', () => {
  it('Bram sees the note Anna adds, both typing in it at once, and where Anna drags it', async () => {
    const anna = await board.join('Anna')
    const bram = await board.join('Bram')

    // Anna adds a friction point with a double-click on the canvas.
    const spot = await canvasPoint(anna.page, 0.5, 0.3)
    await anna.page.mouse.dblclick(spot.x, spot.y)
    await anna.page.keyboard.type('plan')
    await anna.page.keyboard.press('Enter')
    await poll(() => zoneTexts(bram.page, 'Friction points')).toEqual(['plan'])

    // Both open the same note and type at the same time: Anna at the end, Bram at the start.
    await anna.page.mouse.dblclick(spot.x, spot.y)
    const bramSpot = await canvasPoint(bram.page, 0.5, 0.3)
    await bram.page.mouse.dblclick(bramSpot.x, bramSpot.y)
    await bram.page.keyboard.press('Home')
    await Promise.all([
      anna.page.keyboard.type(' vast', { delay: 40 }),
      bram.page.keyboard.type('De ', { delay: 40 }),
    ])
    await anna.page.keyboard.press('Enter')
    await bram.page.keyboard.press('Enter')
    await poll(() => allTexts(bram.page)).toEqual(['De plan vast'])
    await poll(() => allTexts(anna.page)).toEqual(['De plan vast'])

    // Anna drags the note down into the solutions zone; Bram sees it re-categorised.
    const target = await canvasPoint(anna.page, 0.5, 0.8)
    await anna.page.mouse.move(spot.x, spot.y)
    await anna.page.mouse.down()
    await anna.page.mouse.move(target.x, target.y, { steps: 8 })
    await anna.page.mouse.up()
    await poll(() => zoneTexts(bram.page, 'Solutions')).toEqual(['De plan vast'])
    await poll(() => zoneTexts(bram.page, 'Friction points')).toEqual([])
  })
})
