import { isOneSided, servedSides, tallyVotes } from '@sparboard/board-model'
import { clusterByNote, type ExportedWorkshop } from './collectWorkshop.js'

/** Spreadsheets run a cell that starts like a formula; an apostrophe makes it plain text. */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One CSV cell: defused against formula injection, quoted per RFC 4180 when it holds the
 * separator, a quote or a line break.
 */
export function csvCell(value: string | number, separator: CsvSeparator = ','): string {
  let s = String(value)
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`
  return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export type CsvSeparator = ',' | ';'

/**
 * The separator a spreadsheet of that language expects: Excel with Dutch regional settings
 * splits on `;` (the comma is the decimal mark there) and shows a comma-separated file in one
 * column.
 */
export const csvSeparator = (lang: string): CsvSeparator => (lang === 'nl' ? ';' : ',')

/**
 * The columns, by stable keys that scripts can rely on whatever the workshop's side names or the
 * interface's language (docs/export.md lists them). `votes_side_a` and `votes_side_b` count the
 * votes of the workshop's first and second side; `side` and `author_side` hold the side's name.
 */
export const NOTES_CSV_COLUMNS = [
  'case',
  'group',
  'board_id',
  'note_id',
  'category',
  'side',
  'text',
  'votes',
  'votes_side_a',
  'votes_side_b',
  'author_side',
  'cluster',
  'position',
  'linked_to',
  'serves_side_a',
  'serves_side_b',
  'one_sided',
] as const

/** One row per note of every board, UTF-8 with a BOM so Excel reads the diacritics right. */
export function notesCsv(data: ExportedWorkshop, lang = 'en'): string {
  const sides = data.workshop.sides
  const separator = csvSeparator(lang)
  const rows: (string | number)[][] = [[...NOTES_CSV_COLUMNS]]
  for (const b of data.boards) {
    const votes = tallyVotes(b.board.votes, null)
    const clusters = clusterByNote(b.board)
    // [G1] [G3] links as stored, whatever the options: a script decides what to make of them
    const served = servedSides(b.board.links, new Map(b.board.notes.map((x) => [x.id, x])))
    for (const n of b.board.notes) {
      const tally = votes.get(n.id)
      const serves = served.get(n.id)
      const linked = b.board.links.filter((l) => l.from === n.id).map((l) => l.to)
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
        n.position ? 'yes' : '',
        linked.join(' '),
        n.category === 'solution' ? (serves?.[0] ?? 0) : '',
        n.category === 'solution' ? (serves?.[1] ?? 0) : '',
        n.category === 'solution' && isOneSided(serves) ? 'yes' : '',
      ])
    }
  }
  const line = (r: (string | number)[]) => r.map((c) => csvCell(c, separator)).join(separator)
  return '\ufeff' + rows.map(line).join('\r\n') + '\r\n'
}
