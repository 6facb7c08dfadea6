import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import {
  addNote,
  asNoteId,
  boardZones,
  readClusters,
  userOrigin,
  NOTE_SIZE,
  readNotes,
  zoneFor,
  zoneGrid,
  ZONES,
  type NoteSnapshot,
} from '@sparboard/board-model'
import type { RunningServer } from '../support/startServer.js'
import { openBoard as openDoc, synced } from '../support/yjsClient.js'
import { join, openBoard, poll, screenshot, type Person } from './board.people.js'

/** Pairs of notes that cover each other, by id. */
const overlapping = (notes: readonly NoteSnapshot[]) =>
  notes.flatMap((a, i) =>
    notes
      .slice(i + 1)
      .filter(
        (b) =>
          a.x < b.x + NOTE_SIZE.width &&
          b.x < a.x + NOTE_SIZE.width &&
          a.y < b.y + NOTE_SIZE.height &&
          b.y < a.y + NOTE_SIZE.height,
      )
      .map((b) => `${a.id} on ${b.id}`),
  )
const positions = (notes: readonly NoteSnapshot[]) => notes.map((n) => `${n.id}@${n.x},${n.y}`)

let opened: { running: RunningServer; browser: Browser; link: string }
let peer: ReturnType<typeof openDoc>
beforeAll(async () => {
  opened = await openBoard()
  // Another person's tab, as a stock provider: what everyone else sees of the board.
  const url = new URL(opened.link)
  const boardId = url.pathname.split('/b/')[1]!
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!
  peer = openDoc(opened.running.wsUrl, boardId, token)
  await synced(peer.provider)
})
afterAll(async () => {
  peer?.provider.destroy()
  await opened?.browser.close()
  await opened?.running.stop()
})

const notesSeen = () => readNotes(peer.doc)

/** Where a note is on that person's screen, from the canvas' view. */
async function onScreen(person: Pick<Person, 'page'>, note: NoteSnapshot) {
  const canvas = person.page.getByTestId('board-canvas')
  const box = (await canvas.boundingBox())!
  const [x, y, scale] = (await canvas.getAttribute('data-view'))!.split(',').map(Number) as [
    number,
    number,
    number,
  ]
  return {
    box,
    left: box.x + x + note.x * scale,
    top: box.y + y + note.y * scale,
    right: box.x + x + (note.x + NOTE_SIZE.width) * scale,
    bottom: box.y + y + (note.y + NOTE_SIZE.height) * scale,
  }
}

describe('tidy boards, in Chromium', () => {
  it('[L1] fifty rapid "+ Note" clicks give fifty notes, none on another', async () => {
    const anna = await join(opened.browser, opened.link, 'Anna')
    const add = anna.page.locator('.toolbar [data-command=addNote]')
    for (let i = 0; i < 50; i++) await add.click()
    await poll(() => notesSeen().length).toBe(50)
    const notes = notesSeen()
    expect(overlapping(notes)).toEqual([])
    // All in the zone in the middle of the screen, which grew to hold them.
    expect(new Set(notes.map((n) => n.category))).toEqual(new Set(['friction']))
    const zone = boardZones(notes)[ZONES.indexOf(zoneFor('friction', null))]!
    for (const n of notes) expect(n.y).toBeGreaterThanOrEqual(zone.y)
    // The last one, open to type in, is on screen: the view followed it.
    await anna.page.keyboard.press('Escape')
    const last = await onScreen(anna, notes.find((n) => n.y === zone.y + 80)!)
    expect(last.top).toBeGreaterThanOrEqual(last.box.y)
    await anna.context.close()
  }, 180_000)

  it('[L4] "Tidy board" arranges every note in its grid for everyone; undo puts them back', async () => {
    const anna = await join(opened.browser, opened.link, 'Anna')
    await poll(() => anna.page.locator('.toolbar [data-command=tidy]').isEnabled()).toBe(true)
    // Make a mess first: Shift+Arrow moves the note shown; the view keeps it on screen.
    await anna.page.evaluate(() => new Promise(requestAnimationFrame))
    let moved: NoteSnapshot | undefined
    let at: Awaited<ReturnType<typeof onScreen>> | undefined
    for (const n of notesSeen()) {
      const place = await onScreen(anna, n)
      const inside =
        place.left >= place.box.x &&
        place.right <= place.box.x + place.box.width / 2 &&
        place.top >= place.box.y &&
        place.bottom <= place.box.y + place.box.height - 80
      if (inside) [moved, at] = [n, place]
      if (inside) break
    }
    if (!moved || !at) throw new Error('no note wholly on screen')
    await anna.page.mouse.click((at.left + at.right) / 2, (at.top + at.bottom) / 2)
    for (let i = 0; i < 12; i++) await anna.page.keyboard.press('Shift+ArrowRight')
    const id = moved.id
    await poll(() => notesSeen().find((n) => n.id === id)?.x).toBe(moved.x + 1200)
    await poll(async () => {
      const now = await onScreen(anna, notesSeen().find((n) => n.id === id)!)
      return now.right <= now.box.x + now.box.width && now.left >= now.box.x
    }).toBe(true)
    const messy = notesSeen()

    await anna.page.locator('.toolbar [data-command=tidy]').click()
    const menu = anna.page.getByTestId('tidy-menu')
    await menu.getByRole('radio', { name: 'By side' }).check()
    await screenshot(anna.page, 'tidy-menu-en')
    await menu.getByRole('menuitem', { name: /Tidy board/ }).click()
    await poll(() => positions(notesSeen())).not.toEqual(positions(messy))
    const tidy = notesSeen()
    expect(overlapping(tidy)).toEqual([])
    // Every note in a column of its zone's grid, the one pushed into another zone too.
    for (const n of tidy) {
      const grid = zoneGrid(zoneFor(n.category, n.side))
      const columns = Array.from({ length: grid.cols }, (_, c) => grid.slot(c, 0).x)
      expect(columns).toContain(n.x)
    }
    await screenshot(anna.page, 'tidy-board-en')

    // One step back for the one who tidied: every note where it was before.
    await anna.page.keyboard.press('Control+z')
    await poll(() => positions(notesSeen())).toEqual(positions(messy))
    await anna.context.close()
  })

  it('[L5][L4] in Dutch at 1366x768: grouping pulls the notes together, "Zone opruimen" puts the cluster first', async () => {
    // A messy zone, written by someone else: notes half on top of each other.
    const sales = zoneFor('interest', 0)
    const bram = userOrigin('bram')
    const texts = ['Capaciteitsdashboard', 'Omzetdoelstelling halen', 'Vaste leverdagen']
    const fresh = (id: string, text: string, x: number, y: number) =>
      addNote(
        peer.doc,
        asNoteId(id),
        { category: 'interest', side: 0, x: sales.x + x, y: sales.y + y, text, author: 'Bram' },
        bram,
      )
    texts.forEach((text, i) => fresh(`nl-${i}`, text, 30 + i * 120, 100 + i * 130))
    const context = await opened.browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'nl-NL',
    })
    const page = await context.newPage()
    page.on('pageerror', (err) => {
      throw err
    })
    await page.goto(opened.link)
    await page.getByRole('textbox', { name: 'Je naam' }).fill('Anna')
    await page.getByRole('button', { name: 'Naar het bord' }).click()
    await page.locator('[data-testid=connection][data-status=connected]').waitFor()

    // Show the first from the outline (it is selected), Shift+click the others on the canvas.
    await page
      .getByTestId('outline-note')
      .filter({ hasText: texts[0]! })
      .getByRole('button', { name: /^Toon op het bord/ })
      .click()
    await page.evaluate(() => new Promise(requestAnimationFrame))
    for (const id of ['nl-1', 'nl-2']) {
      const at = await onScreen({ page }, notesSeen().find((n) => n.id === id)!)
      // Its lower left corner: the note before covers its top, the next its right.
      await page.keyboard.down('Shift')
      await page.mouse.click(at.left + 8, at.bottom - 8)
      await page.keyboard.up('Shift')
    }
    await poll(() => page.locator('.toolbar-count').textContent()).toContain('3')
    const ids = texts.map((_, i) => `nl-${i}`)
    await page.keyboard.press('g')
    await page.getByRole('textbox', { name: 'Naam van het cluster' }).fill('Capaciteit')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await poll(
      () => readClusters(peer.doc).find((c) => c.name === 'Capaciteit')?.noteIds.length,
    ).toBe(ids.length)
    const mine = () => notesSeen().filter((n) => ids.includes(n.id))
    await poll(() => overlapping(mine())).toEqual([])
    // The first note (in reading order) stayed; the others came to the grid slots beside it.
    expect(mine().find((n) => n.id === 'nl-0')).toMatchObject({ x: sales.x + 30, y: sales.y + 100 })
    const grid = zoneGrid(sales)
    const spread = (n: NoteSnapshot) => Math.hypot(n.x - sales.x - 30, n.y - sales.y - 100)
    for (const n of mine()) expect(spread(n)).toBeLessThan(2 * (NOTE_SIZE.height + 20) + 1)
    await screenshot(page, 'tidy-gathered-nl')

    // Two loose notes arrive; "Zone opruimen" per cluster: the cluster's row first, then theirs.
    fresh('nl-loose-1', 'Losse notitie', 400, 500)
    fresh('nl-loose-2', 'Nog een', 10, 520)
    await poll(() => notesSeen().filter((n) => n.id.startsWith('nl-')).length).toBe(5)
    await page.locator('.toolbar [data-command=tidy]').click()
    const menu = page.getByTestId('tidy-menu')
    await menu.getByRole('radio', { name: 'Per cluster' }).check()
    await screenshot(page, 'tidy-menu-nl')
    await menu.getByRole('menuitem', { name: /Zone opruimen/ }).click()
    // The cluster's three take the first three slots of the grid, in the order they were read.
    const slots = [grid.slot(0, 0), grid.slot(1, 0), grid.slot(0, 1)].map((p) => `${p.x},${p.y}`)
    await poll(() =>
      mine()
        .map((n) => `${n.x},${n.y}`)
        .sort(),
    ).toEqual([...slots].sort())
    const tidied = new Map(notesSeen().map((n) => [n.id, n]))
    // The loose ones start a row of their own, below the cluster's name.
    const loose = ['nl-loose-1', 'nl-loose-2'].map((id) => tidied.get(asNoteId(id))!)
    expect(loose.map((n) => n.x).sort()).toEqual([grid.slot(0, 0).x, grid.slot(1, 0).x])
    expect(loose[0]!.y).toBe(loose[1]!.y)
    expect(loose[0]!.y).toBeGreaterThan(grid.slot(0, 2).y)
    expect(overlapping([...tidied.values()])).toEqual([])
    await page.evaluate(() => new Promise(requestAnimationFrame))
    await screenshot(page, 'tidy-zone-nl')
    await context.close()
  })
})
