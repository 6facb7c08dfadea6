// No i18next here: the entry reads the start language before i18next has loaded, to fetch that
// language's texts alongside the app.

export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const LANGUAGE_KEY = 'sparboard.language'

/** The saved choice, else the browser's language: Dutch for a Dutch browser, English otherwise. */
export function initialLanguage(saved: string | null, browser: readonly string[]): Language {
  if (saved === 'nl' || saved === 'en') return saved
  return browser.some((l) => l.toLowerCase().startsWith('nl')) ? 'nl' : 'en'
}

/** The language to start in: the saved choice, else the browser's. */
export const startLanguage = (): Language =>
  initialLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages ?? [navigator.language])
