import { describe, expect, it } from 'vitest'
import { NOTE_SIZE } from '@sparboard/board-model'
import {
  addInOutline,
  allTexts,
  outlineNote,
  pointAtNote,
  poll,
  screenshot,
  useBoard,
} from './board.people.js'

const board = useBoard()
const MIDDLE = { x: NOTE_SIZE.width / 2, y: NOTE_SIZE.height / 2 }

describe('the context menu of notes, in Chromium', () => {
  it('Anna right-clicks a solution and works its menu by keyboard, in English and Dutch; Bram sees the result', async () => {
    const anna = await board.join('Anna')
    const bram = await board.join('Bram')
    const { page } = anna
    await addInOutline(page, 'Solutions', 'Reserve a rush slot')
    await addInOutline(page, 'Solutions', 'Weekly planning call')
    await addInOutline(page, 'Friction points', 'Plan is fixed')
    await poll(() => allTexts(bram.page)).toEqual([
      'Plan is fixed',
      'Reserve a rush slot',
      'Weekly planning call',
    ])

    // A right-click on a note selects it and offers what applies to it, with the keys.
    const at = await pointAtNote(page, 'Reserve a rush slot', MIDDLE)
    await page.mouse.click(at.x, at.y, { button: 'right' })
    const menu = page.getByRole('menu', { name: 'What to do with this note' })
    await poll(() => menu.getByRole('menuitem').allTextContents()).toEqual([
      '✎EditEnter',
      '●VoteV',
      'GroupG',
      'Make agreementA',
      // [G1] both sides must gain (on by default): the interests it serves
      'Interests it serves…L',
      'DuplicateCtrl+D',
      'CopyCtrl+C',
      'DeleteDel',
    ])
    await screenshot(page, 'context-menu-en')
    // Focus is on the first item; arrows move it, Enter runs the one it is on.
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('✎EditEnter')
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp')
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(
      'DuplicateCtrl+D',
    )
    await page.keyboard.press('Enter')
    await poll(() => menu.count()).toBe(0)
    await poll(() => allTexts(bram.page)).toEqual([
      'Plan is fixed',
      'Reserve a rush slot',
      'Reserve a rush slot',
      'Weekly planning call',
    ])

    // From the keyboard alone: Shift+F10 opens it for the selection (the copy); Escape closes it.
    await page.keyboard.press('Shift+F10')
    await menu.waitFor()
    await page.keyboard.press('Escape')
    await poll(() => menu.count()).toBe(0)

    // In Dutch, the same menu in Dutch; "Afspraak maken" opens the agreement form.
    await page.getByLabel('Language').selectOption('nl')
    const fixed = await pointAtNote(page, 'Plan is fixed', MIDDLE)
    await page.mouse.click(fixed.x, fixed.y, { button: 'right' })
    const menuNl = page.getByRole('menu', { name: 'Wat je met deze notitie kunt doen' })
    // A friction point is no solution: no agreement to make of it.
    await poll(() => menuNl.getByRole('menuitem').allTextContents()).toEqual([
      '✎BewerkenEnter',
      '●StemV',
      'ClusterenG',
      'DuplicerenCtrl+D',
      'KopiërenCtrl+C',
      'VerwijderenDel',
    ])
    await page.keyboard.press('Escape')
    const call = await pointAtNote(page, 'Weekly planning call', MIDDLE)
    await page.mouse.click(call.x, call.y, { button: 'right' })
    await menuNl.getByRole('menuitem', { name: 'Afspraak maken' }).click()
    await page.getByTestId('agreement-form').waitFor()
    await screenshot(page, 'context-menu-agreement-nl')
    expect(await outlineNote(page, 'Plan is fixed').count()).toBe(1)
  })

  it('Bram, on a phone, holds a finger on a note: its menu opens, and deleting there reaches Anna', async () => {
    const anna = await board.join('Anna')
    await addInOutline(anna.page, 'Friction points', 'Too many rush orders')
    const context = await anna.context.browser()!.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      locale: 'nl-NL',
    })
    const page = await context.newPage()
    page.on('pageerror', (err) => {
      throw err
    })
    await page.goto(anna.page.url())
    await page.getByRole('textbox', { name: 'Je naam' }).fill('Bram')
    await page.getByRole('button', { name: 'Naar het bord' }).click()
    await page.locator('[data-testid=connection][data-status=connected]').waitFor()
    // On a phone the outline is in the sheet under the board ([M2]); "show on the board" closes it.
    await page.getByRole('button', { name: /^Notities & doelen/ }).tap()
    await poll(() => allTexts(page)).toContain('Too many rush orders')

    const at = await pointAtNote(page, 'Too many rush orders', MIDDLE)
    const finger = await context.newCDPSession(page)
    await finger.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x: at.x, y: at.y }],
    })
    // The menu opens while the finger is still down, at the note.
    const menu = page.getByRole('menu', { name: 'Wat je met deze notitie kunt doen' })
    await menu.waitFor()
    await finger.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    expect(await menu.getByRole('menuitem').allTextContents()).toContain('VerwijderenDel')
    await screenshot(page, 'context-menu-touch-nl')
    await menu.getByRole('menuitem', { name: 'Verwijderen' }).tap()
    await poll(() => allTexts(anna.page)).not.toContain('Too many rush orders')
    await context.close()
  })
})
