import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en.js'
import { nl } from './nl.js'

export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
const STORAGE_KEY = 'sparboard.language'

/** The saved choice, else the browser's language: Dutch for a Dutch browser, English otherwise. */
export function initialLanguage(saved: string | null, browser: readonly string[]): Language {
  if (saved === 'nl' || saved === 'en') return saved
  return browser.some((l) => l.toLowerCase().startsWith('nl')) ? 'nl' : 'en'
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  lng: initialLanguage(
    localStorage.getItem(STORAGE_KEY),
    navigator.languages ?? [navigator.language],
  ),
  fallbackLng: 'en',
  // React escapes output itself; i18next must not, or "&" in a title shows as "&amp;".
  interpolation: { escapeValue: false },
})
document.documentElement.lang = i18next.language

/** Switches language and remembers the choice. */
export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language)
  document.documentElement.lang = language
  void i18next.changeLanguage(language)
}

export default i18next
