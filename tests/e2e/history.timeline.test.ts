import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, asNoteId, deleteNotes, readNotes, userOrigin } from '@sparboard/board-model'
import { connected, openControl } from '../integration/control.support.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop } from '../support/startServer.js'
import { watchedPage } from '../support/watchedPage.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { allTexts, poll, useServer } from './board.people.js'

const opened = useServer()
const anna = userOrigin('Anna')
const texts = (doc: Y.Doc) =>
  readNotes(doc)
    .map((n) => n.text)
    .sort()
const note = (doc: Y.Doc, id: string, text: string) =>
  addNote(doc, asNoteId(id), { category: 'friction', x: 900, y: 300, text, author: 'Anna' }, anna)

const words = {
  en: {
    history: 'History',
    version: 'Before the agenda started',
    restore: 'Restore this version…',
    confirm: 'Restore for everyone',
    restored: 'The board is back as it was at',
    close: 'Close',
    before: 'Before a restore',
  },
  nl: {
    history: 'Geschiedenis',
    version: 'Voordat de agenda begon',
    restore: 'Deze versie terugzetten…',
    confirm: 'Terugzetten voor iedereen',
    restored: 'Het bord is terug zoals het was om',
    close: 'Sluiten',
    before: 'Vóór een terugzetting',
  },
} as const

describe("the facilitator's board history in Chromium", () => {
  for (const language of ['en', 'nl'] as const) {
    it(`[${language}] opens the timeline, picks a version, confirms, and everyone's board changes`, async () => {
      const { running, browser } = opened
      const say = words[language]
      const w = await createWorkshop(running.url)
      const boardId = w.boards[0]!.id
      const participant = openBoard(running.wsUrl, boardId, w.tokens.participant)
      try {
        await synced(participant.provider)
        note(participant.doc, 'n1', 'Delivery dates slip')
        note(participant.doc, 'n2', 'Stock is low')
        const facilitator = openControl(running.url, w.tokens.facilitator)
        await connected(facilitator)
        await eventually(async () => {
          const doc = new Y.Doc()
          for (const u of (await running.server.store.loadBoard(boardId)).updates)
            Y.applyUpdate(doc, u)
          expect(texts(doc)).toHaveLength(2)
        })
        // the phase change keeps the board as it was: two notes
        expect(await facilitator.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
        facilitator.close()
        await eventually(async () =>
          expect(await running.server.store.listVersions(boardId)).toHaveLength(1),
        )
        deleteNotes(participant.doc, [asNoteId('n1')], anna)
        note(participant.doc, 'n3', 'Hire a planner')

        const { page, errors } = await watchedPage(browser, {
          'sparboard.name': 'Fleur',
          'sparboard.language': language,
        })
        await page.goto(`${running.url}/w/${w.id}/b/${boardId}#token=${w.tokens.facilitator}`)
        await page.locator('[data-testid=connection][data-status=connected]').waitFor()
        await poll(() => allTexts(page)).toEqual(['Hire a planner', 'Stock is low'])

        await page.getByRole('button', { name: say.history, exact: true }).click()
        const history = page.getByRole('dialog')
        await history.getByRole('button', { name: new RegExp(say.version) }).click()
        await history.getByRole('button', { name: say.restore }).click()
        const confirm = history.getByRole('alertdialog')
        await confirm.getByRole('button', { name: say.confirm }).click()
        await history.getByRole('status').filter({ hasText: say.restored }).waitFor()
        // the board as it was kept is back, for the facilitator and for the participant
        await poll(() => allTexts(page)).toEqual(['Delivery dates slip', 'Stock is low'])
        await eventually(() =>
          expect(texts(participant.doc)).toEqual(['Delivery dates slip', 'Stock is low']),
        )
        // and the board as it was before is in the timeline, to undo the restore
        await history.getByRole('button', { name: new RegExp(say.before) }).waitFor()
        await history.getByRole('button', { name: say.close, exact: true }).click()
        await expect.poll(() => history.count()).toBe(0)
        expect(errors).toEqual([])
        await page.context().close()
      } finally {
        participant.provider.destroy()
      }
    })
  }

  it('[H22] a damaged board says so on its page once the client has stopped reconnecting (4422)', async () => {
    const { running, browser } = opened
    const w = await createWorkshop(running.url)
    const boardId = w.boards[0]!.id
    await running.server.store.appendUpdates(boardId, [Uint8Array.of(0xff, 0xff, 0xff)])
    const { page } = await watchedPage(browser, { 'sparboard.language': 'nl' })
    await page.goto(`${running.url}/w/${w.id}/b/${boardId}#token=${w.tokens.observer}`)
    const badge = page.locator('[data-testid=connection][data-status=damaged]')
    await badge.waitFor()
    expect(await badge.textContent()).toBe('Bord beschadigd')
    await page.context().close()
  })

  it('is not offered to anyone but the facilitator', async () => {
    const { running, browser } = opened
    const w = await createWorkshop(running.url)
    const { page } = await watchedPage(browser)
    await page.goto(`${running.url}/w/${w.id}/b/${w.boards[0]!.id}#token=${w.tokens.observer}`)
    await page.locator('[data-testid=connection][data-status=connected]').waitFor()
    await page.getByRole('button', { name: 'Agreements', exact: false }).waitFor()
    expect(await page.getByRole('button', { name: 'History', exact: true }).count()).toBe(0)
    await page.context().close()
  })
})
