import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { canvasPoint, poll, screenshot, useBoard, zoneTexts } from './board.people.js'

const board = useBoard()

describe('presence, two people in Chromium', () => {
  it("Bram sees Anna's named cursor, her selection and her drag live, and the move lands in the document only at drop", async () => {
    const anna = await board.join('Anna')
    const bram = await board.join('Bram')
    const cursor = bram.page.getByTestId('cursors').locator('.cursor[data-name=Anna]')

    const spot = await canvasPoint(anna.page, 0.5, 0.3)
    await anna.page.mouse.dblclick(spot.x, spot.y)
    await anna.page.keyboard.type('Rush orders')
    await anna.page.keyboard.press('Enter')
    await poll(() => zoneTexts(bram.page, 'Friction points')).toEqual(['Rush orders'])
    await poll(() => cursor.count()).toBe(1)

    // Anna's selection shows on Bram's board (outlined in her colour).
    await anna.page.mouse.click(spot.x, spot.y)
    await poll(() => bram.page.getByTestId('board-canvas').getAttribute('data-peer-selected')).toBe(
      '1',
    )

    // Mid-drag: Bram sees the note moving, but the document still has it where it was.
    const target = await canvasPoint(anna.page, 0.5, 0.8)
    await anna.page.mouse.move(spot.x, spot.y)
    await anna.page.mouse.down()
    await anna.page.mouse.move(target.x, target.y, { steps: 6 })
    await poll(() => bram.page.getByTestId('board-canvas').getAttribute('data-remote-drags')).toBe(
      '1',
    )
    expect(await zoneTexts(bram.page, 'Friction points')).toEqual(['Rush orders'])

    await anna.page.mouse.up()
    await poll(() => zoneTexts(bram.page, 'Solutions')).toEqual(['Rush orders'])
    await poll(() => bram.page.getByTestId('board-canvas').getAttribute('data-remote-drags')).toBe(
      '0',
    )

    // Anna's pointer leaves the canvas: her cursor goes away for Bram.
    await anna.page.mouse.move(5, 5)
    await poll(() => cursor.count()).toBe(0)
  })

  it('Carla has one colour, the same for Daan and after she reloads', async () => {
    const carla = await board.join('Carla')
    const daan = await board.join('Daan')
    // Every avatar with that name, as a colour: a reload leaves no stale second one behind.
    const colors = (page: Page, name: string) =>
      page
        .getByTestId('presence')
        .locator(`li[title="${name}"]`)
        .evaluateAll((lis) => lis.map((li) => getComputedStyle(li).backgroundColor))
    await poll(() => colors(daan.page, 'Carla').then((c) => c.length)).toBe(1)
    const [carlaColor] = await colors(daan.page, 'Carla')
    expect(await colors(carla.page, 'Carla')).toEqual([carlaColor])
    expect(await colors(daan.page, 'Daan')).not.toEqual([carlaColor])

    // A colour per connection would be a new one after each reload (7 in 8 times).
    for (let i = 0; i < 3; i++) {
      await carla.page.reload()
      await carla.page.locator('[data-testid=connection][data-status=connected]').waitFor()
      await poll(() => colors(carla.page, 'Carla')).toEqual([carlaColor])
      await poll(() => colors(daan.page, 'Carla')).toEqual([carlaColor])
    }
    await screenshot(daan.page, 'presence-colours')
  })

  it('Hanna and Ilse, whose names have the same colour, are told apart on the board they share', async () => {
    const pair = (page: Page) =>
      page
        .getByTestId('presence')
        .locator('li[title=Hanna], li[title=Ilse]')
        .evaluateAll((lis) =>
          Object.fromEntries(
            lis.map((li) => [li.getAttribute('title'), getComputedStyle(li).backgroundColor]),
          ),
        )
    const hanna = await board.join('Hanna')
    const ilse = await board.join('Ilse')
    await poll(() => pair(hanna.page).then((c) => Object.keys(c).sort())).toEqual(['Hanna', 'Ilse'])
    await poll(() => pair(ilse.page).then((c) => Object.keys(c).sort())).toEqual(['Hanna', 'Ilse'])
    const seen = await pair(hanna.page)
    expect(seen.Hanna).not.toBe(seen.Ilse)
    await poll(() => pair(ilse.page)).toEqual(seen)
    // Hanna, who was here first, gets her colour back after a reload; Ilse keeps hers.
    await hanna.page.reload()
    await hanna.page.locator('[data-testid=connection][data-status=connected]').waitFor()
    await poll(() => pair(hanna.page)).toEqual(seen)
    await poll(() => pair(ilse.page)).toEqual(seen)
    await screenshot(ilse.page, 'presence-same-name-colour')
  })
})
