import { csvCell, csvSeparator } from './notesCsv.js'
import { exportLabels, termsLine } from './exportLabels.js'
import type { ExportedWorkshop } from './collectWorkshop.js'

/**
 * The columns, by stable keys (docs/export.md): the agreement and its final verdict, then one
 * proposal or verdict per row. Statuses are `met`, `partly`, `notMet`, `renegotiated` or empty
 * (older sessions' `held` and `notHeld` read as `met` and `notMet`); times ISO 8601. The
 * checkable agreement's columns come last, so tools that read the earlier ones by position go on.
 */
export const REVIEW_CSV_COLUMNS = [
  'case',
  'group',
  'board_id',
  'agreement_id',
  'text',
  'owner',
  'due',
  'verdict',
  'chafed',
  'decided_at',
  'entry',
  'entry_by',
  'entry_verdict',
  'entry_chafed',
  'entry_at',
  'cosigner',
  'criterion_measure',
  'criterion_target',
  'criterion_source',
  'review_on',
  'new_terms',
  'entry_new_terms',
] as const

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString())

/**
 * [C26] A follow-up's review of the earlier agreements: per agreement its final verdict (the
 * facilitator's), and a row for every proposal and verdict with who gave it and when (an
 * agreement nobody judged yet has one row). Written like the notes: BOM, `;` for Dutch.
 */
export function reviewCsv(data: ExportedWorkshop, lang = 'en'): string {
  const separator = csvSeparator(lang)
  const rows: (string | number)[][] = [[...REVIEW_CSV_COLUMNS]]
  const labels = exportLabels(lang)
  const { sides } = data.workshop
  for (const b of data.boards) {
    for (const r of b.review) {
      const item = [
        b.caseTitle,
        b.groupName,
        b.id,
        r.id,
        r.text,
        r.owner,
        r.due,
        r.status ?? '',
        r.chafed,
        iso(r.decidedAt),
      ]
      const checks = [
        r.cosigner?.name ?? '',
        r.criterion?.measure ?? '',
        r.criterion?.target ?? '',
        r.criterion?.source ?? '',
        r.reviewOn,
        r.newTerms ? termsLine(labels, sides, r.newTerms) : '',
      ]
      if (r.history.length === 0) rows.push([...item, '', '', '', '', '', ...checks, ''])
      for (const e of r.history)
        rows.push([
          ...item,
          e.kind,
          e.kind === 'verdict' ? 'facilitator' : e.name,
          e.status ?? '',
          e.chafed,
          iso(e.at),
          ...checks,
          e.terms ? termsLine(labels, sides, e.terms) : '',
        ])
    }
  }
  const line = (r: (string | number)[]) => r.map((c) => csvCell(c, separator)).join(separator)
  return '\ufeff' + rows.map(line).join('\r\n') + '\r\n'
}
