import { tallyVotes } from '@sparboard/board-model'
import { clusterByNote, type ExportedWorkshop } from './collectWorkshop.js'

/** Spreadsheets run a cell that starts like a formula; an apostrophe makes it plain text. */
const FORMULA_START = /^[=+\-@\t\r]/

/** One CSV cell: defused against formula injection, quoted per RFC 4180. */
export function csvCell(value: string | number): string {
  let s = String(value)
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The columns; the votes of each side are named after the workshop's sides ("votes Sales"). */
export const notesCsvHeader = (sides: readonly [string, string]) => [
  'case',
  'group',
  'board',
  'note',
  'category',
  'side',
  'text',
  'votes',
  `votes ${sides[0]}`,
  `votes ${sides[1]}`,
  'author side',
  'cluster',
]

/** One row per note of every board. UTF-8 with a BOM, so Excel reads the diacritics right. */
export function notesCsv(data: ExportedWorkshop): string {
  const sides = data.workshop.sides
  const rows: (string | number)[][] = [notesCsvHeader(sides)]
  for (const b of data.boards) {
    const votes = tallyVotes(b.board.votes, null)
    const clusters = clusterByNote(b.board)
    for (const n of b.board.notes) {
      const tally = votes.get(n.id)
      rows.push([
        b.caseTitle,
        b.groupName,
        b.id,
        n.id,
        n.category,
        n.side === null ? '' : sides[n.side],
        n.text,
        tally?.total ?? 0,
        tally?.bySide[0] ?? 0,
        tally?.bySide[1] ?? 0,
        n.authorSide === null ? '' : sides[n.authorSide],
        clusters.get(n.id) ?? '',
      ])
    }
  }
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
