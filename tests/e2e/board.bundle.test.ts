import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addNotes, asNoteId, userOrigin } from '@sparboard/board-model'
import { bytesBySource, notForTheBoard, workspacePath } from '../bench/bundleReport.js'
import { clientDir } from '../support/clientDir.js'
import { workshopWithBoard } from '../support/filledBoard.js'
import { poll, useServer } from './board.people.js'

const server = useServer()

/** One chunk of Vite's build manifest (`build.manifest` in client/vite.config.ts). */
interface ManifestChunk {
  readonly file: string
  readonly src?: string
  readonly isDynamicEntry?: boolean
}

/** The built chunk whose entry module is this source file (a path's end). */
function chunkOf(src: string): ManifestChunk {
  const manifest = JSON.parse(
    readFileSync(join(clientDir(), '.vite/manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>
  const chunk = Object.values(manifest).find((c) => c.src?.endsWith(src))
  if (!chunk) throw new Error(`no chunk for ${src} in the build manifest`)
  return chunk
}

/** Code a participant's board needs only once they ask for it, by the module each chunk is for. */
const ON_DEMAND = {
  workshopPage: 'src/pages/WorkshopPage.tsx',
  startPage: 'src/pages/StartPage.tsx',
  cockpit: 'src/cockpit/Cockpit.tsx',
  boardHistory: 'src/history/BoardHistory.tsx',
  boardExport: 'src/export/exportBoardImage.ts',
  dutchTexts: 'src/i18n/nl.ts',
  dutchHyphenation: 'hyphen/nl/index.js',
} as const

/** The paths of the JS and CSS files a page requests, as it requests them. */
function requestedFiles(page: Page): string[] {
  const files: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname.slice(1)
    if (/\.(js|css)$/.test(path)) files.push(path)
  })
  return files
}

/** Konva's notes layer (the stage's second) holds shapes: the canvas has drawn the notes. */
const notesDrawn = (page: Page) =>
  page.waitForFunction(() => {
    const konva = (
      window as unknown as {
        Konva?: { stages: { getLayers(): { getChildren(): unknown[] }[] }[] }
      }
    ).Konva
    return (konva?.stages[0]?.getLayers()[1]?.getChildren().length ?? 0) > 0
  })

describe("what a participant's board link downloads, in Chromium (issue 19)", () => {
  it('draws the board without export, facilitator, other pages or the other language; each comes when asked for', async () => {
    const w = await workshopWithBoard(server.running, (doc) =>
      addNotes(
        doc,
        [
          {
            id: asNoteId('bundle-1'),
            category: 'friction',
            x: 40,
            y: 40,
            text: 'Capaciteitsdashboard ontbreekt',
            author: 'Anna',
          },
        ],
        userOrigin('fixture'),
      ),
    )
    // a phone, in English: the language the start of the link is in
    const context = await server.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      locale: 'en-GB',
    })
    const page = await context.newPage()
    page.on('pageerror', (err) => {
      throw err
    })
    const files = requestedFiles(page)
    await page.goto(
      `${server.running.url}/w/${w.id}/b/${w.boards[0]!.id}#token=${w.tokens.participant}`,
    )
    await page.getByRole('textbox', { name: 'Your name' }).fill('Bram')
    await page.getByRole('button', { name: 'Join the board' }).click()
    await page.locator('[data-testid=connection][data-status=connected]').waitFor()
    await notesDrawn(page)

    // No chunk that is only for later, nor any module of export, PDF or facilitator code in what
    // was loaded (by the source maps: whichever chunk a module ended up in).
    const loaded = new Set(files)
    for (const src of Object.values(ON_DEMAND)) {
      const chunk = chunkOf(src)
      expect(chunk.isDynamicEntry, `${src} is a chunk of its own`).toBe(true)
      expect(loaded.has(chunk.file), `${src} (${chunk.file}) not loaded`).toBe(false)
    }
    const unwanted = [...loaded]
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => [...bytesBySource(clientDir(), f).keys()])
      .filter((source) => notForTheBoard.test(source))
      .map(workspacePath)
    expect(unwanted).toEqual([])

    // Switching to Dutch brings Dutch texts and hyphenation patterns, then the page is in Dutch.
    await page.getByRole('button', { name: 'Menu' }).click()
    await page.getByRole('combobox', { name: 'Language' }).selectOption('nl')
    await page.getByRole('button', { name: 'Alle borden' }).waitFor()
    expect(files).toContain(chunkOf(ON_DEMAND.dutchTexts).file)
    expect(files).toContain(chunkOf(ON_DEMAND.dutchHyphenation).file)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl')

    // The export menu is there from the start (in the still open menu); its code comes with the
    // first export.
    await page.getByTestId('board-export').getByText('Exporteren', { exact: true }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'PNG 1x' }).click(),
    ])
    expect(
      readFileSync((await download.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG')
    await poll(() => files.includes(chunkOf(ON_DEMAND.boardExport).file)).toBe(true)
    await context.close()
  })

  it("a returning participant's link asks for the workshop once, from the entry, and draws the board", async () => {
    const w = await workshopWithBoard(server.running, (doc) =>
      addNotes(
        doc,
        [
          {
            id: asNoteId('back-1'),
            category: 'solution',
            x: 40,
            y: 40,
            text: 'Weekly S&OP',
            author: 'Anna',
          },
        ],
        userOrigin('fixture'),
      ),
    )
    const context = await server.browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    page.on('pageerror', (err) => {
      throw err
    })
    await page.goto(
      `${server.running.url}/w/${w.id}/b/${w.boards[0]!.id}#token=${w.tokens.participant}`,
    )
    await page.getByRole('textbox', { name: 'Your name' }).fill('Bram')
    await page.getByRole('button', { name: 'Join the board' }).click()
    await page.locator('[data-testid=connection][data-status=connected]').waitFor()

    // Back the next morning: the same link, name and personal token kept by the browser.
    const asked: string[] = []
    page.on('request', (request) => {
      const { pathname } = new URL(request.url())
      if (pathname.startsWith('/api/workshops/')) asked.push(`${request.method()} ${pathname}`)
    })
    await page.reload()
    await page.locator('[data-testid=connection][data-status=connected]').waitFor()
    await notesDrawn(page)
    expect(await page.getByRole('dialog').count()).toBe(0)
    // the entry's request is the one the page used: not asked a second time once it rendered
    expect(asked).toEqual([`GET /api/workshops/${w.id}`])
    await context.close()
  })
})
