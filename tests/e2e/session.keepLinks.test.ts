import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { connected, openControl } from '../integration/control.support.js'
import { createWorkshop } from '../support/startServer.js'
import { poll, useServer } from './board.people.js'

const opened = useServer()

/** What the screens say, in one language. */
const texts = {
  en: {
    locale: 'en-GB',
    title: 'Workshop title',
    case: 'Case 1',
    create: 'Create workshop',
    role: 'Facilitator',
    copy: 'Copy my facilitator link',
    yours: 'Your workshops',
    remove: (title: string) => `Remove ${title} from this list`,
    dialog: 'Join the workshop',
    name: 'Your name',
    join: 'Join',
    taken: 'Someone called “anna” is already in this workshop',
    suffixed: 'you join as “anna (2)”',
    you: 'You: anna (2)',
  },
  nl: {
    locale: 'nl-NL',
    title: 'Titel van de workshop',
    case: 'Case 1',
    create: 'Workshop aanmaken',
    role: 'Facilitator',
    copy: 'Mijn facilitatorlink kopiëren',
    yours: 'Jouw workshops',
    remove: (title: string) => `${title} uit deze lijst halen`,
    dialog: 'Doe mee aan de workshop',
    name: 'Je naam',
    join: 'Meedoen',
    taken: 'Er is al iemand met de naam “anna” in deze workshop',
    suffixed: 'anders doe je mee als “anna (2)”',
    you: 'Jij: anna (2)',
  },
} as const
type Words = (typeof texts)[keyof typeof texts]

/** Where a link leads in the app: its path and fragment (the host is PUBLIC_URL's). */
const where = (url: string) => new URL(url).pathname + new URL(url).hash

/** A person at a laptop, in a language of their own (the app follows the browser's). */
async function laptop(browser: Browser, words: Words): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: words.locale,
  })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  return page
}

describe('never lose a link, in Chromium', () => {
  for (const [lang, words] of Object.entries(texts)) {
    it(`after creating, the address is the facilitator's and a reload keeps it; the start page lists it (${lang})`, async () => {
      const page = await laptop(opened.browser, words)
      await page.goto(opened.running.url)
      const title = `Spring ${lang}`
      await page.getByLabel(words.title).fill(title)
      await page.getByLabel(words.case).fill('Rush order')
      await page.getByRole('button', { name: words.create }).click()
      await page.getByTestId('links').waitFor()
      const facilitatorLink = await page.getByTestId('links').locator('input').first().inputValue()
      // the address bar holds the facilitator's link, not `/`
      expect(where(page.url())).toBe(where(facilitatorLink))
      expect(new URL(page.url()).pathname).toMatch(/^\/w\/[\w-]+$/)
      // not copied yet: a notice, and leaving asks first
      await page.getByTestId('link-not-copied').waitFor()
      const asked: string[] = []
      page.once('dialog', (dialog) => {
        asked.push(dialog.type())
        void dialog.accept()
      })
      await page.reload()
      expect(asked).toEqual(['beforeunload'])
      // the reload opened the workshop as its facilitator
      await page.getByTestId('facilitator-panel').waitFor()
      expect(await page.locator('.app-header .badge').first().textContent()).toBe(words.role)
      expect(where(page.url())).toBe(where(facilitatorLink))
      // copying the link ends the notice (and the question before leaving)
      await page.getByRole('button', { name: words.copy }).click()
      await poll(() => page.getByTestId('link-not-copied').count()).toBe(0)

      await page.goto(opened.running.url)
      const list = page.getByTestId('your-workshops')
      await list.getByRole('heading', { name: words.yours }).waitFor()
      const entry = list.getByRole('link', { name: title })
      expect(await entry.getAttribute('href')).toBe(where(facilitatorLink))
      await entry.click()
      await page.getByTestId('facilitator-panel').waitFor()
      expect(where(page.url())).toBe(where(facilitatorLink))

      // and it can be taken off this device's list
      await page.goto(opened.running.url)
      await page.getByRole('button', { name: words.remove(title) }).click()
      await poll(() => page.getByTestId('your-workshops').count()).toBe(0)
      await page.reload()
      await page.getByLabel(words.title).waitFor()
      expect(await page.getByTestId('your-workshops').count()).toBe(0)
    })

    it(`[C25] a taken name gets a clear message before joining and a suffix after (${lang})`, async () => {
      const w = await createWorkshop(opened.running.url)
      const link = `${opened.running.url}/w/${w.id}#token=${w.tokens.participant}`
      const join = async (
        name: string,
        check?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
      ) => {
        const page = await laptop(opened.browser, words)
        await page.goto(link)
        const dialog = page.getByRole('dialog', { name: words.dialog })
        await dialog.getByLabel(words.name).fill(name)
        await dialog.getByRole('radio', { name: 'Sales' }).check()
        await check?.(dialog)
        await dialog.getByRole('button', { name: words.join, exact: true }).click()
        await poll(() => dialog.count()).toBe(0)
        return page
      }
      const first = await join('Anna')
      // the first Anna's name is free: no message was shown to her
      expect(await first.getByTestId('join-name-taken').count()).toBe(0)
      const second = await join('anna', async (dialog) => {
        const message = dialog.getByTestId('join-name-taken')
        await poll(() => message.textContent()).toContain(words.taken)
        expect(await message.textContent()).toContain(words.suffixed)
      })
      await poll(() => second.getByTestId('session-bar').textContent()).toContain(words.you)
      // the workshop's own roster never shows two identical names
      const list = await first.evaluate(() => localStorage.getItem('sparboard.workshops'))
      expect(list).toContain(w.id)
    })
  }

  it('a dismissed broadcast stays dismissed for that person, on other boards and after a reload', async () => {
    const w = await createWorkshop(opened.running.url)
    const facilitator = openControl(opened.running.url, w.tokens.facilitator)
    try {
      await connected(facilitator)
      const page = await laptop(opened.browser, texts.en)
      await page.goto(`${opened.running.url}/w/${w.id}#token=${w.tokens.participant}`)
      const dialog = page.getByRole('dialog', { name: texts.en.dialog })
      await dialog.getByLabel(texts.en.name).fill('Bram')
      await dialog.getByRole('radio', { name: 'Operations' }).check()
      await dialog.getByRole('button', { name: texts.en.join, exact: true }).click()
      await poll(() => dialog.count()).toBe(0)
      expect(await facilitator.send('message:broadcast', { text: 'Coffee at ten' })).toEqual({
        ok: true,
      })
      const message = page.getByTestId('session-message')
      await poll(() => message.textContent()).toContain('Coffee at ten')
      await message.getByRole('button', { name: 'Dismiss' }).click()
      await poll(() => message.count()).toBe(0)

      // another board, then a reload: still dismissed
      await page.goto(
        `${opened.running.url}/w/${w.id}/b/${w.boards[1]!.id}#token=${w.tokens.participant}`,
      )
      await page.getByTestId('session-phase').waitFor()
      await page.reload()
      await page.getByTestId('session-phase').waitFor()
      expect(await message.count()).toBe(0)
      // a new message does show
      expect(await facilitator.send('message:broadcast', { text: 'Back in the room' })).toEqual({
        ok: true,
      })
      await poll(() => message.textContent()).toContain('Back in the room')
    } finally {
      facilitator.close()
    }
  })
})
