import i18next from 'i18next'
import { LANGUAGE_KEY, type Language } from './startLanguage.js'

export { initialLanguage, LANGUAGES, startLanguage, type Language } from './startLanguage.js'

/** Switches language and remembers the choice. */
export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language)
  document.documentElement.lang = language
  void i18next.changeLanguage(language)
}
