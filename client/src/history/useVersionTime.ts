import { useTranslation } from 'react-i18next'
import { dateLocale } from '../locale/formatDay.js'

/** When a version was taken, in the language on screen: the time today, date and time before. */
export function useVersionTime(): (at: number) => string {
  const { i18n } = useTranslation()
  const locale = dateLocale(i18n.language)
  const today = new Date().toDateString()
  return (at) => {
    const when = new Date(at)
    const style = when.toDateString() === today ? {} : { dateStyle: 'medium' as const }
    return new Intl.DateTimeFormat(locale, { ...style, timeStyle: 'short' }).format(when)
  }
}
