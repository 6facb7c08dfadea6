import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createWorkshop } from '../support/startServer.js'
import { openPage, poll, useServer } from './board.people.js'

// One join, then one every hundred seconds: the second person is told to wait.
const opened = useServer({ security: { joinBurst: 1, joinsPerSecond: 0.01 } })

async function tryToJoin(page: Page, texts: { dialog: string; name: string; join: string }) {
  const dialog = page.getByRole('dialog', { name: texts.dialog })
  await dialog.getByLabel(texts.name).fill('Anna')
  await dialog.getByRole('radio', { name: 'Sales' }).check()
  await dialog.getByRole('button', { name: texts.join, exact: true }).click()
  return dialog
}

describe('join rate in the join dialog, in Chromium', () => {
  it('[C24] a joiner past the rate is told to try again in a while, in English and Dutch', async () => {
    const w = await createWorkshop(opened.running.url)
    const link = `${opened.running.url}/w/${w.id}#token=${w.tokens.participant}`
    const first = await openPage(opened.browser, link)
    const joined = await tryToJoin(first, {
      dialog: 'Join the workshop',
      name: 'Your name',
      join: 'Join',
    })
    await poll(() => joined.count()).toBe(0)

    const english = await openPage(opened.browser, link)
    const waiting = await tryToJoin(english, {
      dialog: 'Join the workshop',
      name: 'Your name',
      join: 'Join',
    })
    const alert = waiting.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(
      /^Many people are joining right now\. Try again in \d+ seconds\.$/,
    )

    const dutch = await openPage(opened.browser, link, 'nl-NL')
    const wachten = await tryToJoin(dutch, {
      dialog: 'Doe mee aan de workshop',
      name: 'Je naam',
      join: 'Meedoen',
    })
    await wachten.getByRole('alert').waitFor()
    expect(await wachten.getByRole('alert').textContent()).toMatch(
      /^Er doen nu veel mensen tegelijk mee\. Probeer het over \d+ seconden opnieuw\.$/,
    )
  })
})
