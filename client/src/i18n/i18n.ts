import i18next from 'i18next'
import resourcesToBackend from 'i18next-resources-to-backend'
import { initReactI18next } from 'react-i18next'
import { LANGUAGES, startLanguage, type Language } from '../locale/startLanguage.js'
import { loadLanguage } from './loadLanguage.js'

const isLanguage = (language: string): language is Language => LANGUAGES.some((l) => l === language)

/**
 * Resolves once the start language's texts and hyphenation patterns are there: render after it.
 * i18next waits for both before it changes language too, so the canvas never lays notes out in a
 * language whose patterns are still on the way.
 */
export const i18nReady = i18next
  .use(initReactI18next)
  .use(
    resourcesToBackend((language: string) =>
      isLanguage(language) ? loadLanguage(language) : Promise.resolve(null),
    ),
  )
  .init({
    lng: startLanguage(),
    supportedLngs: LANGUAGES,
    // Both languages have every key (nl.ts's type says so): a fallback would only load the other.
    fallbackLng: false,
    // React escapes output itself; i18next must not, or "&" in a title shows as "&amp;".
    interpolation: { escapeValue: false },
  })
  .then(() => {
    document.documentElement.lang = i18next.language
  })

export default i18next
