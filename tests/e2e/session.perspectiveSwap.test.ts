import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { readFallbacks, readGuesses } from '@sparboard/board-model'
import { createWorkshop } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { poll, screenshot, useServer } from './board.people.js'

const opened = useServer()
const closers: (() => void)[] = []
afterAll(() => {
  for (const close of closers) close()
})

/** A person's own browser: a laptop at 1366 px, or a phone at 390 px with touch. */
async function open(url: string, locale: 'en-GB' | 'nl-NL', phone = false): Promise<Page> {
  const context = await opened.browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1366, height: 800 },
    ...(phone && { hasTouch: true, isMobile: true, deviceScaleFactor: 2 }),
    locale,
  })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  await page.goto(url)
  return page
}

const connectedBoard = (page: Page) =>
  page.locator('[data-testid=connection][data-status=connected]').waitFor()

/** Joins straight from the board link, naming the side. */
async function joinBoard(page: Page, name: string, side: string, words: 'en' | 'nl') {
  await page.getByRole('textbox', { name: words === 'en' ? 'Your name' : 'Je naam' }).fill(name)
  await page.getByRole('radio', { name: side }).check()
  await page
    .getByRole('button', { name: words === 'en' ? 'Join the board' : 'Naar het bord' })
    .click()
  await connectedBoard(page)
}

/** On a phone the method panel sits in the side sheet: open it. */
async function openSheet(page: Page) {
  const handle = page.getByTestId('board-sheet').locator('.board-sheet-handle')
  if ((await handle.getAttribute('aria-expanded')) !== 'true') await handle.click()
}

describe('perspective swap and "if we don\'t agree", in Chromium', () => {
  it('[SW1][FB1] two sides guess privately, the reveal shows guessed next to stated, the group links a match and the summary has it; the fallback cards appear only at the facilitator’s reveal', async () => {
    const { running } = opened
    const w = await createWorkshop(running.url, {
      title: 'Sales & Operations',
      goals: ['Deliver on time'],
      sides: ['Sales', 'Operations'],
      cases: [{ title: 'Rush order', description: 'A key customer wants delivery in two days.' }],
      groups: 1,
      method: { recurringFrictions: true, perspectiveSwap: true, fallbackCards: true },
    })
    const board = w.boards[0]!.id
    const link = (token: string) => `${running.url}/w/${w.id}/b/${board}#token=${token}`
    // Someone with the participant link who never joined, listening with a stock client.
    const spy = openBoard(running.wsUrl, board, w.tokens.participant)
    closers.push(() => spy.provider.destroy())
    await synced(spy.provider)

    const fac = await open(link(w.tokens.facilitator), 'en-GB')
    // [C36] the facilitator gives a name, never a side
    await fac.getByRole('textbox', { name: 'Your name' }).fill('Fenna')
    await fac.getByRole('button', { name: 'Join the board' }).click()
    await connectedBoard(fac)
    const cockpit = fac.getByTestId('cockpit')
    await cockpit.getByRole('button', { name: 'Next phase: Perspective swap' }).click()
    await poll(() => fac.getByTestId('cockpit-phase').textContent()).toBe('2. Perspective swap')

    // Anna (Sales) on a laptop in English, Bram (Operations) on a phone in Dutch.
    const anna = await open(link(w.tokens.participant), 'en-GB')
    await joinBoard(anna, 'Anna', 'Sales', 'en')
    const bram = await open(link(w.tokens.participant), 'nl-NL', true)
    await joinBoard(bram, 'Bram', 'Operations', 'nl')

    const annaSwap = anna.getByTestId('swap-panel')
    const ask = annaSwap.getByRole('textbox', { name: 'What do you think Operations cares about?' })
    for (const guess of ['Full trucks', 'Overtime pay']) {
      await ask.fill(guess)
      await annaSwap.getByRole('button', { name: 'Add guess' }).click()
    }
    await poll(() => anna.getByTestId('my-guesses').locator('li > span').allTextContents()).toEqual(
      ['Full trucks', 'Overtime pay'],
    )
    await openSheet(bram)
    const bramSwap = bram.getByTestId('swap-panel')
    await bramSwap
      .getByRole('textbox', { name: 'Wat vindt Sales volgens jou belangrijk?' })
      .fill('Bonus op omzet')
    await bramSwap.getByRole('button', { name: 'Gissing toevoegen' }).click()
    await poll(() => bram.getByTestId('my-guesses').locator('li > span').allTextContents()).toEqual(
      ['Bonus op omzet'],
    )
    await screenshot(anna, 'swap-guessing-1366-en')
    await screenshot(bram, 'swap-guessing-390-nl')
    // Nobody else has them: not Bram's page, not the board.
    expect(await bram.getByTestId('my-guesses').textContent()).not.toContain('Full trucks')
    expect(readGuesses(spy.doc)).toEqual([])

    // On to the interests: no confirmation (nothing is revealed yet); Bram states one.
    await cockpit.getByRole('button', { name: 'Next phase: Interests and friction' }).click()
    await poll(() => fac.getByTestId('cockpit-phase').textContent()).toBe(
      '3. Interests and friction',
    )
    await bram
      .getByRole('button', { name: 'Notitie toevoegen aan Belangen van Operations' })
      .click()
    await bram
      .getByRole('textbox', { name: 'Tekst van de nieuwe notitie in Belangen van Operations' })
      .fill('Volle vrachtwagens')
    await bram.keyboard.press('Enter')
    await poll(() =>
      bram.getByTestId('outline').locator('.outline-text').allTextContents(),
    ).toEqual(['Volle vrachtwagens'])
    // the guesses wait for the interests
    await poll(() => anna.getByTestId('my-guesses').locator('li > span').count()).toBe(2)
    expect(readGuesses(spy.doc)).toEqual([])

    await cockpit.getByRole('button', { name: 'Reveal the notes…' }).click()
    await fac.getByRole('alertdialog').getByRole('button', { name: 'Reveal' }).click()
    await poll(() => readGuesses(spy.doc).length).toBe(3)

    // Operations' own interest next to what Sales guessed; Anna links the one that hit.
    const ops = anna.getByTestId('swap-side-1')
    await poll(() => ops.textContent()).toContain('Volle vrachtwagens')
    await poll(() => anna.getByTestId('swap-score-1').textContent()).toBe(
      '0 of 2 guesses matched · 1 of 1 interests missed',
    )
    await ops.getByRole('combobox', { name: 'Matches: Full trucks' }).selectOption({
      label: 'Volle vrachtwagens',
    })
    await poll(() => anna.getByTestId('swap-score-1').textContent()).toBe(
      '1 of 2 guesses matched · 0 of 1 interests missed',
    )
    await openSheet(bram)
    await poll(() => bram.getByTestId('swap-score-1').textContent()).toBe(
      '1 van 2 gissingen raak · 0 van 1 belangen gemist',
    )
    await poll(() => bram.getByTestId('swap-score-0').textContent()).toBe(
      '0 van 1 gissingen raak · 0 van 0 belangen gemist',
    )
    await screenshot(anna, 'swap-revealed-1366-en')
    await bram.getByTestId('swap-side-1').scrollIntoViewIfNeeded()
    await screenshot(bram, 'swap-revealed-390-nl')

    // The summary tells the lesson of the case.
    const summary = await (
      await fetch(`${running.url}/api/workshops/${w.id}/summary.md?lang=en`, {
        headers: { authorization: `Bearer ${w.tokens.facilitator}` },
      })
    ).text()
    expect(summary).toContain('#### Interests of Operations, as Sales guessed them')
    expect(summary).toContain('1 of 2 guesses matched · 0 of 1 interests missed')
    expect(summary).toContain('- Volle vrachtwagens (guessed as: “Full trucks”)')
    expect(summary).toContain('**Wrong guesses (match no stated interest)**\n\n- Overtime pay')

    // If we don't agree: each side writes its card; nobody else sees it until the reveal.
    const annaCard = anna.getByTestId('fallback-panel')
    await annaCard.locator('summary').click()
    await annaCard
      .getByRole('textbox', { name: 'What does Sales do if there is no agreement on this case?' })
      .fill('We deliver from the other warehouse')
    await annaCard.getByRole('button', { name: 'Save' }).click()
    await poll(() => annaCard.getByTestId('fallback-saved').textContent()).toBe('Saved by Anna')
    const bramCard = bram.getByTestId('fallback-panel')
    await bramCard.locator('summary').click()
    await bramCard
      .getByRole('textbox', {
        name: 'Wat doet Operations als er over deze case geen afspraak komt?',
      })
      .fill('We houden de weekplanning aan')
    await bramCard.getByRole('button', { name: 'Opslaan' }).click()
    await poll(() => bramCard.getByTestId('fallback-saved').textContent()).toBe(
      'Opgeslagen door Bram',
    )
    expect(await bramCard.textContent()).not.toContain('other warehouse')
    const facCard = fac.getByTestId('fallback-panel')
    await facCard.locator('summary').click()
    await poll(() => facCard.getByTestId('fallback-status').textContent()).toBe(
      'Sales: ✓ writtenOperations: ✓ written',
    )
    expect(await fac.content()).not.toContain('other warehouse')
    expect(readFallbacks(spy.doc)).toEqual([])
    await screenshot(fac, 'fallback-hidden-1366-en')
    await screenshot(bram, 'fallback-writing-390-nl')

    await cockpit.getByRole('button', { name: 'If we don’t agree…' }).click()
    const confirm = fac.getByRole('alertdialog')
    await poll(() => confirm.textContent()).toContain('cannot be undone')
    await confirm.getByRole('button', { name: 'Reveal the cards' }).click()
    for (const page of [anna, bram, fac])
      await poll(() => page.getByTestId('fallback-cards').textContent()).toContain(
        'We deliver from the other warehouse',
      )
    expect(await bram.getByTestId('fallback-cards').textContent()).toContain(
      'We houden de weekplanning aan',
    )
    await screenshot(anna, 'fallback-revealed-1366-en')

    // The other two: a laptop in Dutch and a phone in English (an observer each).
    const nl = await open(link(w.tokens.observer), 'nl-NL')
    await connectedBoard(nl)
    await poll(() => nl.getByTestId('swap-score-1').textContent()).toBe(
      '1 van 2 gissingen raak · 0 van 1 belangen gemist',
    )
    await screenshot(nl, 'swap-revealed-1366-nl')
    const en = await open(link(w.tokens.observer), 'en-GB', true)
    await connectedBoard(en)
    await openSheet(en)
    await poll(() => en.getByTestId('swap-score-0').textContent()).toBe(
      '0 of 1 guesses matched · 0 of 0 interests missed',
    )
    await screenshot(en, 'swap-revealed-390-en')
    await en.getByTestId('fallback-cards').scrollIntoViewIfNeeded()
    await screenshot(en, 'fallback-revealed-390-en')
  })

  it('[SW1][FB1] the start page switches the options on, both off unless ticked', async () => {
    const { running } = opened
    const create = async (locale: 'en-GB' | 'nl-NL', phone: boolean, tick: readonly RegExp[]) => {
      const page = await open(running.url, locale, phone)
      const nl = locale === 'nl-NL'
      await page.getByLabel(nl ? 'Titel van de workshop' : 'Workshop title').fill('S&OP')
      await page.getByLabel('Case 1', { exact: true }).fill('Rush order')
      for (const option of tick) await page.getByRole('checkbox', { name: option }).check()
      await page.getByRole('group', { name: nl ? 'Werkwijze' : 'Method' }).scrollIntoViewIfNeeded()
      await screenshot(page, `start-options-${phone ? 390 : 1366}-${nl ? 'nl' : 'en'}`)
      const made = page.waitForResponse((r) => r.url().endsWith('/api/workshops'))
      await page.getByRole('button', { name: nl ? 'Workshop aanmaken' : 'Create workshop' }).click()
      const body = (await (await made).json()) as { method: unknown }
      await page.context().close()
      return body.method
    }
    expect(await create('en-GB', false, [/^Perspective swap/])).toMatchObject({
      recurringFrictions: true,
      perspectiveSwap: true,
      fallbackCards: false,
      checkableAgreements: true,
    })
    expect(await create('nl-NL', true, [/^Als we het niet eens worden/])).toMatchObject({
      recurringFrictions: true,
      perspectiveSwap: false,
      fallbackCards: true,
      checkableAgreements: true,
    })
    expect(await create('nl-NL', false, [])).toMatchObject({
      recurringFrictions: true,
      perspectiveSwap: false,
      fallbackCards: false,
      checkableAgreements: true,
    })
    expect(await create('en-GB', true, [/^Perspective swap/, /^If we don’t agree/])).toMatchObject({
      recurringFrictions: true,
      perspectiveSwap: true,
      fallbackCards: true,
      checkableAgreements: true,
    })
  })
})
