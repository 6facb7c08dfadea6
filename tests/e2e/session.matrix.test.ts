import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAgreement, addNote, asAgreementId, asNoteId, userOrigin } from '@sparboard/board-model'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

let browser: Browser
let running: RunningServer
const closers: (() => void)[] = []
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  for (const close of closers) close()
  await browser?.close()
  await running?.stop()
})

describe('facilitator overview and strategy check matrix, in Chromium', () => {
  it('shows the facilitator every agreement scored against each goal, and each board’s notes and people, live', async () => {
    running = await startServer({ clientDir: clientDir() })
    const w = await createWorkshop(running.url)
    const group2 = openBoard(running.wsUrl, w.boards[1]!.id, w.tokens.participant)
    closers.push(() => group2.provider.destroy())
    await synced(group2.provider)
    const agree = (id: string, text: string, goals: Record<number, 'supports' | 'conflicts'>) =>
      addAgreement(
        group2.doc,
        asAgreementId(id),
        { text, owner: 'Bram', due: '', author: 'Bram', createdAt: 0, solutionIds: [], goals },
        userOrigin('bram'),
      )
    agree('a1', 'Weekly S&OP meeting', { 0: 'supports', 1: 'supports' })

    const context = await browser.newContext({ locale: 'en-GB' })
    const fac = await context.newPage()
    fac.on('pageerror', (err) => {
      throw err
    })
    await fac.goto(`${running.url}/w/${w.id}#token=${w.tokens.facilitator}`)
    await fac.getByRole('button', { name: 'Show the strategy check' }).click()
    const matrix = fac.getByTestId('strategy-matrix')
    const row = (text: string) => matrix.locator('tbody tr', { hasText: text })
    await expect
      .poll(() => row('Weekly S&OP meeting').locator('td').allTextContents())
      .toEqual(['✓', '✓'])
    await expect
      .poll(() => matrix.locator('thead th').allTextContents())
      .toEqual(['Agreement', '1. Deliver on time', '2. Grow margin'])

    // A group adds an agreement that conflicts with a goal: the facilitator sees it without reloading.
    agree('a2', 'Rush orders always first', { 1: 'conflicts' })
    await expect
      .poll(() => row('Rush orders always first').locator('td').allTextContents())
      .toEqual(['', '✗'])
    await expect.poll(() => row('Rush orders always first').textContent()).toContain('Group 2')

    // The overview shows each board's notes and who is on it, live.
    const activity = fac.getByTestId('session-board-activity')
    await expect
      .poll(() => activity.allTextContents())
      .toEqual([' · 0 notes · nobody here', ' · 0 notes · nobody here'])
    group2.provider.awareness.setLocalStateField('user', { name: 'Bram', color: '#e64980' })
    addNote(
      group2.doc,
      asNoteId('n1'),
      { category: 'solution', x: 100, y: 800, author: 'Bram', text: 'Weekly meeting' },
      userOrigin('bram'),
    )
    // Since [C38] the card also counts notes per person, on a line of its own below.
    await expect
      .poll(() => activity.nth(1).getByTestId('session-board-authors').textContent())
      .toBe('notes per person: Bram 1')
    await expect
      .poll(() => activity.nth(1).textContent())
      .toBe(' · 1 note · here: Bram' + 'notes per person: Bram 1')
    await expect.poll(() => activity.nth(0).textContent()).toBe(' · 0 notes · nobody here')
  })
})
