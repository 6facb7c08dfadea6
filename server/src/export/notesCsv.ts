import type { ExportLabels } from './exportLabels.js'
import { clusterByNote, votesByNote, type ExportedWorkshop } from './collectWorkshop.js'

/** Spreadsheets run a cell that starts like a formula; an apostrophe makes it plain text. */
const FORMULA_START = /^[=+\-@\t\r]/

/** One CSV cell: defused against formula injection, quoted per RFC 4180. */
export function csvCell(value: string | number): string {
  let s = String(value)
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export const NOTES_CSV_HEADER = [
  'case',
  'group',
  'board',
  'note',
  'category',
  'side',
  'text',
  'votes',
  'author side',
  'cluster',
] as const

/** One row per note of every board. UTF-8 with a BOM, so Excel reads the diacritics right. */
export function notesCsv(data: ExportedWorkshop, _labels: ExportLabels): string {
  const sides = data.workshop.sides
  const rows: (string | number)[][] = [[...NOTES_CSV_HEADER]]
  for (const b of data.boards) {
    const votes = votesByNote(b.board)
    const clusters = clusterByNote(b.board)
    for (const n of b.board.notes) {
      rows.push([
        b.caseTitle,
        b.groupName,
        b.id,
        n.id,
        n.category,
        n.side === null ? '' : sides[n.side],
        n.text,
        votes.get(n.id) ?? 0,
        n.authorSide === null ? '' : sides[n.authorSide],
        clusters.get(n.id) ?? '',
      ])
    }
  }
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
