import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { NOTE_SIZE, zoneFor, zoneGrid } from '@sparboard/board-model'
import { createWorkshop } from '../support/startServer.js'
import { addInOutline, join, outlineNote, poll, screenshot, useServer } from './board.people.js'

const server = useServer()

/** A board of a workshop that asks for a double majority of one vote from each side. */
async function methodBoard() {
  const w = await createWorkshop(server.running.url, {
    title: 'Sales & Operations',
    goals: ['Deliver on time'],
    sides: ['Sales', 'Operations'],
    cases: [{ title: 'Rush order' }],
    groups: 1,
    method: { doubleMajority: { on: true, min: 1, unit: 'votes' } },
  })
  return `${server.running.url}/w/${w.id}/b/${w.boards[0]!.id}#token=${w.tokens.participant}`
}

/** Where the first free spot of a zone is (the outline adds a note there), its middle. */
const firstSpot = (category: 'interest' | 'solution', side: 0 | 1 | null) => {
  const at = zoneGrid(zoneFor(category, side)).slot(0, 0)
  return { x: at.x + NOTE_SIZE.width / 2, y: at.y + NOTE_SIZE.height / 2 }
}

/** A board point on that person's screen. */
async function onScreen(page: Page, at: { x: number; y: number }) {
  const canvas = page.getByTestId('board-canvas')
  const box = (await canvas.boundingBox())!
  const [x, y, scale] = (await canvas.getAttribute('data-view'))!.split(',').map(Number) as [
    number,
    number,
    number,
  ]
  return { x: box.x + x + at.x * scale, y: box.y + y + at.y * scale }
}

const tags = (page: Page, text: string) =>
  outlineNote(page, text).getByTestId('outline-tag').allTextContents()

describe('both sides must gain, double majority ([G1], [G2]), in Chromium', () => {
  it('[G1] Anna links a solution to a Sales interest by dragging its handle (one-sided), then to an Operations interest by keyboard (one-sided goes); [G2] it becomes an agreement only once both sides voted for it', async () => {
    const link = await methodBoard()
    const anna = await join(server.browser, link, 'Anna', 'Sales')
    const bram = await join(server.browser, link, 'Bram', 'Operations')
    await addInOutline(anna.page, 'Interests of Sales', 'Keep the customer')
    await addInOutline(bram.page, 'Interests of Operations', 'Stable plan')
    await addInOutline(anna.page, 'Solutions', 'Rush slot')
    await poll(() => outlineNote(anna.page, 'Stable plan').count()).toBe(1)
    await poll(() =>
      outlineNote(anna.page, 'Rush slot').getByTestId('outline-serves').textContent(),
    ).toBe('Serves no interest yet')

    // The whole board in view; Anna selects the solution and drags its handle onto the interest.
    await anna.page.keyboard.press('0')
    await anna.page.evaluate(() => new Promise(requestAnimationFrame))
    const solution = await onScreen(anna.page, firstSpot('solution', null))
    await anna.page.mouse.click(solution.x, solution.y)
    const handle = anna.page.getByTestId('link-handle')
    const box = (await handle.boundingBox())!
    const interest = await onScreen(anna.page, firstSpot('interest', 0))
    await anna.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await anna.page.mouse.down()
    await anna.page.mouse.move(interest.x, interest.y, { steps: 8 })
    await anna.page.mouse.up()
    // One-sided, for Bram too.
    await poll(() => tags(bram.page, 'Rush slot')).toEqual(['One-sided'])
    await poll(() =>
      outlineNote(bram.page, 'Rush slot').getByTestId('outline-serves').textContent(),
    ).toBe('Serves: Keep the customer')
    await screenshot(anna.page, 'method-one-sided-en')

    // By keyboard: L opens the interests as checkboxes; Space ticks the Operations one.
    await anna.page.keyboard.press('l')
    const dialog = anna.page.getByTestId('link-dialog')
    await dialog.getByRole('checkbox', { name: 'Stable plan' }).focus()
    await anna.page.keyboard.press('Space')
    await poll(() => dialog.getByRole('checkbox', { name: 'Stable plan' }).isChecked()).toBe(true)
    await screenshot(anna.page, 'method-link-dialog-en')
    await anna.page.keyboard.press('Escape')
    await poll(() => dialog.count()).toBe(0)
    await poll(() => tags(bram.page, 'Rush slot')).toEqual([])
    await poll(() =>
      outlineNote(anna.page, 'Rush slot').getByTestId('outline-serves').textContent(),
    ).toBe('Serves: Keep the customer · Stable plan')

    // [G2] no votes yet: no agreement; the outline says what it needs.
    const tools = anna.page.getByTestId('selection-tools')
    const make = tools.getByRole('button', { name: 'Make agreement' })
    await poll(() => make.isDisabled()).toBe(true)
    await poll(() =>
      outlineNote(anna.page, 'Rush slot').getByTestId('outline-gate').textContent(),
    ).toContain('Needs at least 1 vote from each side')
    const vote = (page: Page) =>
      outlineNote(page, 'Rush slot')
        .getByRole('button', { name: /^Vote for this note/ })
        .click()
    // Sales backs it: still one side only.
    await vote(anna.page)
    await poll(() => tags(anna.page, 'Rush slot')).toEqual(['Sales ✓ Operations ✗'])
    expect(await make.isDisabled()).toBe(true)
    await screenshot(anna.page, 'method-double-majority-en')
    // Operations too: now it may become an agreement.
    await vote(bram.page)
    await poll(() => tags(anna.page, 'Rush slot')).toEqual(['Sales ✓ Operations ✓'])
    await poll(() => make.isDisabled()).toBe(false)
    await make.click()
    const form = anna.page.getByTestId('agreement-form')
    // checkable agreements are on by default: an owner and a co-signer of the other side
    await form.getByTestId('agreement-owner').selectOption({ label: 'Bram · Operations' })
    await form.getByTestId('agreement-cosigner').selectOption({ label: 'Anna · Sales' })
    await form.getByLabel('What is measured').fill('rush orders delivered in two days')
    await form.getByLabel('Target').fill('>= 90 %')
    await form.getByLabel('Where it is read').fill('the weekly planning report')
    await form.getByLabel('Review date').fill('2026-07-01')
    await form.getByRole('button', { name: 'Save agreement' }).click()
    await bram.page.getByRole('button', { name: /^Agreements/ }).click()
    await poll(() => bram.page.getByTestId('agreement').count()).toBe(1)
    await anna.context.close()
    await bram.context.close()
  })

  it('[G3] a position asks why it matters; the answer becomes an interest of its side beneath it', async () => {
    const link = await methodBoard()
    const anna = await join(server.browser, link, 'Anna', 'Sales')
    await addInOutline(anna.page, 'Interests of Sales', 'We need two-day delivery')
    await outlineNote(anna.page, 'We need two-day delivery')
      .getByRole('button', { name: /^Mark as position/ })
      .click()
    await poll(() => tags(anna.page, 'We need two-day delivery')).toEqual(['Position'])
    await anna.page.getByTestId('why-prompt').first().click()
    const why = anna.page.getByTestId('why-dialog')
    await why.getByRole('textbox').fill('Customers leave after a week')
    await anna.page.keyboard.press('Enter')
    await poll(() =>
      outlineNote(anna.page, 'We need two-day delivery')
        .getByTestId('outline-beneath')
        .textContent(),
    ).toBe('Beneath: Customers leave after a week')
    await poll(() => outlineNote(anna.page, 'Customers leave after a week').count()).toBe(1)
    // Answered: the board stops asking.
    await poll(() => anna.page.getByTestId('why-prompt').count()).toBe(0)
    await anna.context.close()
  })
})

describe('screens of the method at 1366 and 390 px (touch), nl and en', () => {
  it('[G1] [G2] [G3] the setup options and a board with links, tags and the why prompt', async () => {
    const link = await methodBoard()
    const anna = await join(server.browser, link, 'Anna', 'Sales')
    const bram = await join(server.browser, link, 'Bram', 'Operations')
    await addInOutline(anna.page, 'Interests of Sales', 'Keep the customer who orders weekly')
    await addInOutline(anna.page, 'Interests of Sales', 'We need two-day delivery')
    await addInOutline(bram.page, 'Interests of Operations', 'A stable production plan')
    await addInOutline(anna.page, 'Solutions', 'Reserve a daily rush-order slot')
    await addInOutline(anna.page, 'Solutions', 'Rush fee for the customer')
    const actions = (text: string) => outlineNote(anna.page, text)
    await actions('We need two-day delivery')
      .getByRole('button', { name: /^Mark as position/ })
      .click()
    for (const [solution, interests] of [
      [
        'Reserve a daily rush-order slot',
        ['Keep the customer who orders weekly', 'A stable production plan'],
      ],
      ['Rush fee for the customer', ['Keep the customer who orders weekly']],
    ] as const) {
      await actions(solution)
        .getByRole('button', { name: /^Interests it serves/ })
        .click()
      const dialog = anna.page.getByTestId('link-dialog')
      for (const i of interests) await dialog.getByRole('checkbox', { name: i }).check()
      await dialog.getByRole('button', { name: 'Done' }).click()
    }
    await actions('Reserve a daily rush-order slot')
      .getByRole('button', { name: /^Vote for this note/ })
      .click()
    await poll(() => tags(bram.page, 'Rush fee for the customer')).toEqual(['One-sided'])

    for (const lang of ['en', 'nl'] as const) {
      for (const [name, size, touch] of [
        ['desktop', { width: 1366, height: 900 }, false],
        ['phone', { width: 390, height: 844 }, true],
      ] as const) {
        const context = await server.browser.newContext({
          viewport: size,
          hasTouch: touch,
          isMobile: touch,
          locale: lang === 'nl' ? 'nl-NL' : 'en-GB',
        })
        const page = await context.newPage()
        page.on('pageerror', (err) => {
          throw err
        })
        await page.goto(`${server.running.url}/`)
        await page.getByTestId('method-options').scrollIntoViewIfNeeded()
        await screenshot(page, `method-setup-${name}-${lang}`)
        await page.goto(link)
        await page
          .getByRole('textbox', { name: lang === 'nl' ? 'Je naam' : 'Your name' })
          .fill('Chris')
        await page
          .getByRole('button', { name: lang === 'nl' ? 'Naar het bord' : 'Join the board' })
          .click()
        await page.locator('[data-testid=connection][data-status=connected]').waitFor()
        const oneSided = lang === 'nl' ? 'Eenzijdig' : 'One-sided'
        if (!touch) {
          await poll(() => page.getByTestId('outline-tag').allTextContents()).toContain(oneSided)
          // The solution selected: its connector handle and tools show.
          await outlineNote(page, 'Reserve a daily')
            .getByRole('button', { name: /^(Show on the board|Toon op het bord)/ })
            .click()
          await page.getByTestId('link-handle').waitFor()
          await screenshot(page, `method-board-${name}-${lang}`)
          await page.keyboard.press('0')
          await screenshot(page, `method-board-fit-${name}-${lang}`)
        } else {
          await page.keyboard.press('0')
          await page.evaluate(() => new Promise(requestAnimationFrame))
          await screenshot(page, `method-board-${name}-${lang}`)
          await page.locator('.board-sheet > button').first().click()
          await poll(() => page.getByTestId('outline-tag').allTextContents()).toContain(oneSided)
          await outlineNote(page, 'Reserve a daily').scrollIntoViewIfNeeded()
          await screenshot(page, `method-outline-${name}-${lang}`)
        }
        await context.close()
      }
    }
  })
})
