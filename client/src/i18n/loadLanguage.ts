import { loadHyphenation } from '@sparboard/board-scene'
import type { Language } from '../locale/startLanguage.js'

/*
 * A language is its texts and the patterns its board text is hyphenated by, each a chunk of its
 * own (issue 19): a page loads the language it shows, the other only when someone switches to it.
 * No i18next here: the entry starts loading the start language before i18next has loaded.
 */
const TEXTS = {
  nl: () => import('./nl.js').then((m) => m.nl),
  en: () => import('./en.js').then((m) => m.en),
} as const satisfies Record<Language, () => Promise<object>>

/** A language's texts, once its texts and hyphenation patterns have loaded (each once). */
export async function loadLanguage(language: Language) {
  const [texts] = await Promise.all([TEXTS[language](), loadHyphenation(language)])
  return texts
}
