/** Dates in Dutch, or in English in the European order (1 December 2026): the teams are Dutch. */
export const dateLocale = (language: string) => (language === 'nl' ? 'nl-NL' : 'en-GB')

/**
 * A calendar day as stored ('2026-12-15') in words: '15 December 2026', '15 december 2026'.
 * The screens and the exports write due dates with it. Anything else is left as it was.
 * @example formatDay('2026-12-15', 'nl') // '15 december 2026'
 */
export function formatDay(day: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return day
  // The day itself, not a moment: read and written in UTC, it is the same day everywhere.
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return new Intl.DateTimeFormat(dateLocale(language), {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date)
}
