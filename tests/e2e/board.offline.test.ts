import { describe, it } from 'vitest'
import { addInOutline, allTexts, poll, useBoard } from './board.people.js'

const board = useBoard()

describe('offline edits, two people in Chromium', () => {
  it('Anna edits offline, sees that she is offline, and Bram gets her notes when she is back', async () => {
    const anna = await board.join('Anna')
    const bram = await board.join('Bram')
    await addInOutline(anna.page, 'Solutions', 'Before the train')
    await poll(() => allTexts(bram.page)).toEqual(['Before the train'])

    await anna.context.setOffline(true)
    await poll(() => anna.page.getByTestId('connection').getAttribute('data-status')).toBe(
      'offline',
    )
    await addInOutline(anna.page, 'Solutions', 'Written in the tunnel')
    await addInOutline(bram.page, 'Friction points', 'Meanwhile at the office')
    await poll(() => allTexts(bram.page)).toEqual(['Before the train', 'Meanwhile at the office'])
    await poll(() => allTexts(anna.page)).toEqual(['Before the train', 'Written in the tunnel'])

    await anna.context.setOffline(false)
    const all = ['Before the train', 'Meanwhile at the office', 'Written in the tunnel']
    await poll(() => allTexts(bram.page), { timeout: 20_000 }).toEqual(all)
    await poll(() => allTexts(anna.page), { timeout: 20_000 }).toEqual(all)
    await poll(() => anna.page.getByTestId('connection').getAttribute('data-status')).toBe(
      'connected',
    )
  })
})
