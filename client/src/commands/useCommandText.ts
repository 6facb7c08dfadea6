import { useTranslation } from 'react-i18next'
import type { Bilingual, Command, KeyBinding } from './Command.js'
import { keyParts, shownKeys } from './keyBinding.js'

/** A command's texts in the page's language (the component re-renders when it changes). */
export function useCommandText() {
  const { i18n } = useTranslation()
  const language: keyof Bilingual = i18n.language === 'nl' ? 'nl' : 'en'
  const text = (t: Bilingual) => t[language]
  const keys = (k: KeyBinding<unknown>) => keyParts(k, language)
  return {
    language,
    text,
    keys,
    /** A button's tip: what it does and its key, `Undo (Ctrl+Z)`; why not, when greyed out. */
    title<A>(command: Command<A>, enabled = true): string {
      if (!enabled && command.disabledHint) return text(command.disabledHint)
      const key = shownKeys(command.keys)[0]
      const what = text(command.hint ?? command.label)
      return key ? `${what} (${keys(key).join('+')})` : what
    },
  }
}
