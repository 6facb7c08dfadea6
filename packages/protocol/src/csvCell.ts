// Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One CSV cell, quoted, with a text that a spreadsheet would run as a formula defused by a
 * leading apostrophe. Numbers stay numbers (a negative number is not a formula).
 * @example [note.text, note.author].map(csvCell).join(',')
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return `"${text.replace(/"/g, '""')}"`
}
