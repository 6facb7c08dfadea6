import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { launchChromium } from '../support/browser.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { fillKnownBoard, KNOWN_NOTES } from '../integration/export.fixture.js'

let browser: Browser
let running: RunningServer
let w: CreatedWorkshop

beforeAll(async () => {
  browser = await launchChromium()
  running = await startServer({ clientDir: clientDir() })
  w = await createWorkshop(running.url)
  // The fixture votes in a made-up participant's name: only the facilitator may ([H21]).
  const { doc, provider } = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.facilitator)
  await synced(provider)
  fillKnownBoard(doc)
  provider.destroy()
})
afterAll(async () => {
  await browser?.close()
  await running?.stop()
})

describe("the facilitator's workshop export menu, in Chromium", () => {
  it('downloads the PDF report and the notes as CSV', async () => {
    const context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true })
    const page = await context.newPage()
    await page.goto(`${running.url}/w/${w.id}#token=${w.tokens.facilitator}`)
    const menu = page.getByTestId('workshop-export')
    const download = async (name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        menu.getByRole('button', { name }).click(),
      ])
      return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) }
    }
    // session 1 and its follow-up never overwrite each other in the Downloads folder
    const day = new Date().toISOString().slice(0, 10)
    const pdf = await download('Report (PDF)')
    expect(pdf.name).toMatch(new RegExp(`^[^/\\\\]+-session-1-${day}-report\\.pdf$`))
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-')
    const csv = await download('Notes as data (CSV)')
    expect(csv.name).toMatch(new RegExp(`-session-1-${day}-notes\\.csv$`))
    // header plus one line per note
    expect(csv.body.toString('utf8').trim().split('\r\n')).toHaveLength(KNOWN_NOTES.length + 1)
    const xlsx = await download('Spreadsheet (Excel)')
    expect(xlsx.name).toMatch(new RegExp(`-session-1-${day}-workbook\\.xlsx$`))
    // an XLSX is a zip: "PK"
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK')
    await context.close()
  })
})
