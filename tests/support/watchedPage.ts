import type { Browser, Page } from 'playwright-core'

/** A page that records what an attacker would aim for: dialogs, CSP violations, page errors. */
export interface WatchedPage {
  readonly page: Page
  readonly dialogs: string[]
  readonly consoleCsp: string[]
  readonly errors: string[]
  /** Violations Chromium reported through `securitypolicyviolation` events so far. */
  cspViolations(): Promise<string[]>
  /** Whether any injected script ran (the payloads set `window.__xss`). */
  scriptRan(): Promise<boolean>
}

/** Opens a page in a fresh context, with `localStorage` pre-set before the app starts. */
export async function watchedPage(
  browser: Browser,
  storage: Record<string, string> = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
  })
  await context.addInitScript((items: Record<string, string>) => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    )
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value)
  }, storage)
  const page = await context.newPage()
  const watched: WatchedPage = {
    page,
    dialogs: [],
    consoleCsp: [],
    errors: [],
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    scriptRan: () => page.evaluate(() => 'xss' in window || '__xss' in window),
  }
  page.on('dialog', (dialog) => {
    watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) watched.consoleCsp.push(message.text())
  })
  page.on('pageerror', (err) => watched.errors.push(err.message))
  return watched
}
