import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addNote, asNoteId, userOrigin } from '@sparboard/board-model'
import { connected, openControl, type ControlClient } from '../integration/control.support.js'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { poll } from './board.people.js'

let browser: Browser
let running: RunningServer
const closers: (() => void)[] = []
beforeAll(async () => {
  browser = await launchChromium()
  running = await startServer({ clientDir: clientDir() })
})
afterAll(async () => {
  for (const close of closers) close()
  await browser?.close()
  await running?.stop()
})

async function facilitatorPage(url: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  await page.goto(url)
  await page.getByTestId('facilitator-panel').waitFor()
  return page
}

const control = async (token: string): Promise<ControlClient> => {
  const client = openControl(running.url, token)
  closers.push(client.close)
  await connected(client)
  return client
}

describe('the facilitator overview, in Chromium', () => {
  it('[C17] shows a live picture of every board, drawn again once its note count changes', async () => {
    const w = await createWorkshop(running.url)
    const page = await facilitatorPage(`${running.url}/w/${w.id}#token=${w.tokens.facilitator}`)
    const drawn: string[] = []
    page.on('response', (res) => {
      if (res.url().includes('/export.png') && res.ok()) drawn.push(res.url())
    })
    const thumbnails = page.getByTestId('board-thumbnail')
    await poll(() => thumbnails.count()).toBe(w.boards.length)
    await poll(() => page.locator('[data-testid=board-thumbnail][data-loaded=true]').count()).toBe(
      w.boards.length,
    )
    // nothing in the token's place: it travels in a header
    expect(await thumbnails.first().locator('img').getAttribute('src')).toMatch(/^blob:/)

    const board = w.boards[0]!
    const before = drawn.filter((u) => u.includes(board.id)).length
    const writer = openBoard(running.wsUrl, board.id, w.tokens.participant)
    closers.push(() => writer.provider.destroy())
    await synced(writer.provider)
    addNote(
      writer.doc,
      asNoteId('n1'),
      { category: 'solution', x: 10, y: 10, text: 'Reserve capacity', author: 'Anna' },
      userOrigin('Anna'),
    )
    await poll(() => drawn.filter((u) => u.includes(board.id)).length).toBeGreaterThan(before)
  })

  it('[C38] a board’s picture takes three quarters of its card and opens the board', async () => {
    const w = await createWorkshop(running.url)
    const page = await facilitatorPage(`${running.url}/w/${w.id}#token=${w.tokens.facilitator}`)
    const card = page.getByTestId('session-board').first()
    const picture = card.getByTestId('board-thumbnail')
    await picture.waitFor()
    const [cardBox, pictureBox] = [await card.boundingBox(), await picture.boundingBox()]
    expect(pictureBox!.width / cardBox!.width).toBeCloseTo(0.75, 1)
    // a whole board's picture, not a strip: its height follows the board's shape
    expect(pictureBox!.height).toBeGreaterThan(pictureBox!.width / 2)
    const label = (await card.getAttribute('aria-label'))!
    await card.getByRole('button', { name: `Open ${label}` }).click()
    await poll(() => new URL(page.url()).pathname).toBe(`/w/${w.id}/b/${w.boards[0]!.id}`)
  })

  it('[C18] the facilitator drags a person onto a group; the group select still does it by keyboard', async () => {
    const w = await createWorkshop(running.url)
    const p = await control(w.tokens.participant)
    const anna = await p.send('session:join', { name: 'Anna', side: 0 })
    const bram = await p.send('session:join', { name: 'Bram', side: 1 })
    if (!anna.ok || !bram.ok) throw new Error('join refused')
    // in 'choose' mode both start without a group
    const page = await facilitatorPage(`${running.url}/w/${w.id}#token=${w.tokens.facilitator}`)
    const [g1, g2] = w.groups
    const zone = (groupId: string) =>
      page.locator(`[data-testid=group-zone][data-group="${groupId}"]`)
    const roster = page.getByTestId('session-roster')

    await roster.locator('li', { hasText: 'Anna' }).dragTo(zone(g2!.id))
    const groupOf = (id: string) => p.state?.participants.find((x) => x.id === id)?.groupId
    await poll(() => groupOf(anna.participantId)).toBe(g2!.id)
    await poll(() => zone(g2!.id).locator('.person-name').allTextContents()).toEqual(['Anna'])
    // a chip in one group can be dragged on to another
    await zone(g2!.id).locator('li', { hasText: 'Anna' }).dragTo(zone(g1!.id))
    await poll(() => groupOf(anna.participantId)).toBe(g1!.id)

    // keyboard: the select in Bram's row
    const select = roster.locator('li', { hasText: 'Bram' }).getByRole('combobox')
    await select.focus()
    await select.selectOption(g2!.id)
    await poll(() => groupOf(bram.participantId)).toBe(g2!.id)
  })
})
