import { useTranslation } from 'react-i18next'
import { formatDay } from '@sparboard/protocol'

export { dateLocale, formatDay } from '@sparboard/protocol'

/** formatDay in the language on screen. */
export function useFormatDay(): (day: string) => string {
  const { i18n } = useTranslation()
  return (day) => formatDay(day, i18n.language)
}
