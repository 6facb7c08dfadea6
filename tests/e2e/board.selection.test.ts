import { describe, it } from 'vitest'
import type { Page } from 'playwright-core'
import { freeSpot, NOTE_SIZE, zoneFor } from '@sparboard/board-model'
import { addInOutline, poll, useBoard, zoneTexts } from './board.people.js'

const board = useBoard()

/** Where a world point is on this person's screen, from the canvas' current view. */
async function onScreen(page: Page, wx: number, wy: number) {
  const canvas = page.getByTestId('board-canvas')
  const box = (await canvas.boundingBox())!
  const [x, y, scale] = (await canvas.getAttribute('data-view'))!.split(',').map(Number) as [
    number,
    number,
    number,
  ]
  return { x: box.x + x + wx * scale, y: box.y + y + wy * scale }
}

const friction = zoneFor('friction', null)
const sorted = async (page: Page) => (await zoneTexts(page, 'Friction points')).sort()

describe('selection, two people in Chromium', () => {
  it('Bram sees what Anna shift-click duplicates, pastes, undoes and deletes with a rubber band', async () => {
    const anna = await board.join('Anna')
    const bram = await board.join('Bram')
    // Added from the outline, the notes take the zone's first free slots in this order.
    const slots: { x: number; y: number }[] = []
    for (const text of ['one', 'two', 'three']) {
      slots.push(freeSpot(friction, slots))
      await addInOutline(anna.page, 'Friction points', text)
    }
    await poll(() => sorted(bram.page)).toEqual(['one', 'three', 'two'])
    const centre = (i: number) =>
      onScreen(anna.page, slots[i]!.x + NOTE_SIZE.width / 2, slots[i]!.y + NOTE_SIZE.height / 2)

    // Click "one", shift-click "three", duplicate both.
    const one = await centre(0)
    const three = await centre(2)
    await anna.page.mouse.click(one.x, one.y)
    await anna.page.keyboard.down('Shift')
    await anna.page.mouse.click(three.x, three.y)
    await anna.page.keyboard.up('Shift')
    await anna.page.keyboard.press('Control+d')
    await poll(() => sorted(bram.page)).toEqual(['one', 'one', 'three', 'three', 'two'])

    // Undo takes the duplicates back; copy and paste "two".
    await anna.page.keyboard.press('Control+z')
    await poll(() => sorted(bram.page)).toEqual(['one', 'three', 'two'])
    const two = await centre(1)
    await anna.page.mouse.click(two.x, two.y)
    await anna.page.keyboard.press('Control+c')
    await anna.page.keyboard.press('Control+v')
    await poll(() => sorted(bram.page)).toEqual(['one', 'three', 'two', 'two'])

    // A rubber band around the whole zone selects every note in it; Delete removes them.
    const from = await onScreen(anna.page, friction.x + 5, friction.y + 60)
    const to = await onScreen(
      anna.page,
      friction.x + friction.width - 5,
      friction.y + friction.height - 5,
    )
    await anna.page.mouse.move(from.x, from.y)
    await anna.page.mouse.down()
    await anna.page.mouse.move(to.x, to.y, { steps: 6 })
    await anna.page.mouse.up()
    await anna.page.keyboard.press('Delete')
    await poll(() => sorted(bram.page)).toEqual([])
  })
})
