import ExcelJS from 'exceljs'
import { tallyVotes, type Category } from '@sparboard/board-model'
import { methodOf } from '@sparboard/protocol'
import { byVotes, clusterByNote, type ExportedWorkshop } from './collectWorkshop.js'
import type { AgreementTerms } from '@sparboard/protocol'
import {
  criterionLine,
  momentNotes,
  signerLine,
  termsLine,
  trackLine,
  type ExportLabels,
} from './exportLabels.js'
import { agreementServes, boardMethod, methodWords, tagLine } from './methodExport.js'

/** The workbook's own words, in the workshop's two languages. */
const WORDS = {
  en: {
    sheets: {
      notes: 'Notes',
      votes: 'Votes by side',
      agreements: 'Agreements',
      participants: 'Participants',
      positions: 'Positions',
    },
    tags: 'Marks',
    servesOf: (side: string) => `Serves ${side}`,
    interestBeneath: 'Interest beneath it',
    category: { interest: 'Interest', friction: 'Friction point', solution: 'Solution' },
    text: 'Text',
    side: 'Side',
    authorSide: 'Written by side',
    votes: 'Votes',
    votesOf: (side: string) => `Votes ${side}`,
    categoryColumn: 'Kind',
    sessionColumn: 'Session',
    verdict: 'Verdict',
    name: 'Name',
    count: 'People',
    namesLeftOut: 'Names are left out; the facilitator can include them.',
    otherSide: 'Other',
  },
  nl: {
    sheets: {
      notes: 'Notities',
      votes: 'Stemmen per kant',
      agreements: 'Afspraken',
      participants: 'Deelnemers',
      positions: 'Standpunten',
    },
    tags: 'Markeringen',
    servesOf: (side: string) => `Dient ${side}`,
    interestBeneath: 'Belang eronder',
    category: { interest: 'Belang', friction: 'Schuurpunt', solution: 'Oplossing' },
    text: 'Tekst',
    side: 'Kant',
    authorSide: 'Geschreven door kant',
    votes: 'Stemmen',
    votesOf: (side: string) => `Stemmen ${side}`,
    categoryColumn: 'Soort',
    sessionColumn: 'Sessie',
    verdict: 'Oordeel',
    name: 'Naam',
    count: 'Mensen',
    namesLeftOut: 'Namen zijn weggelaten; de facilitator kan ze opnemen.',
    otherSide: 'Anders',
  },
} as const

/** Sheet names may not hold `* ? : \ / [ ]` and are at most 31 characters (Excel's rules). */
const sheetName = (name: string) => name.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31)

/** A header row in bold, frozen, with a filter, and columns wide enough to read. */
function table(
  book: ExcelJS.Workbook,
  name: string,
  columns: readonly { header: string; width: number; wrap?: boolean }[],
  rows: readonly (string | number | Date | null)[][],
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.wrap ? { alignment: { wrapText: true, vertical: 'top' } } : {},
  }))
  sheet.getRow(1).font = { bold: true }
  // Cells are typed values, never formulas: a note starting with "=" stays text.
  sheet.addRows(rows.map((r) => [...r]))
  if (columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  return sheet
}

/** A `YYYY-MM-DD` day as a date cell (midnight UTC, which Excel shows as that day). */
const dayCell = (day: string): Date | string => {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : day
}

/**
 * The workshop as an XLSX workbook for the client's own analysis: sheets Notes, Votes by side,
 * Agreements (owner, owner's side, co-signer, criterion, review and due dates, a score column
 * per goal, and in a follow-up the verdicts on the earlier ones with their way through the series) and Participants per side, with names only when `withNames`.
 */
export async function workbookXlsx(
  data: ExportedWorkshop,
  labels: ExportLabels,
  withNames: boolean,
): Promise<Buffer> {
  const words = labels.lang === 'nl' ? WORDS.nl : WORDS.en
  const { workshop } = data
  const sides = workshop.sides
  const sideName = (side: 0 | 1 | 'other' | null) =>
    side === 0 || side === 1 ? sides[side] : side === null ? '' : words.otherSide
  const book = new ExcelJS.Workbook()
  book.creator = 'Sparboard'
  book.title = workshop.title
  book.created = new Date(workshop.createdAt)

  const where = [
    { header: labels.case, width: 28, wrap: true },
    { header: labels.group, width: 14 },
  ]
  const noteRows: (string | number)[][] = []
  const voteRows: (string | number)[][] = []
  const agreementRows: (string | number | Date | null)[][] = []
  const positionRows: string[][] = []
  const gain = methodOf(workshop.method).bothSidesGain
  for (const b of data.boards) {
    const votes = tallyVotes(b.board.votes, null)
    const clusters = clusterByNote(b.board)
    const method = boardMethod(workshop, b.board, labels)
    for (const { position, interests } of method.positions)
      for (const i of interests.length > 0 ? interests : [null])
        positionRows.push([
          b.caseTitle,
          b.groupName,
          sideName(position.side),
          position.text,
          i?.text ?? '',
        ])
    for (const n of b.board.notes) {
      const tally = votes.get(n.id)
      noteRows.push([
        b.caseTitle,
        b.groupName,
        words.category[n.category as Category],
        sideName(n.side),
        n.text,
        tally?.total ?? 0,
        tally?.bySide[0] ?? 0,
        tally?.bySide[1] ?? 0,
        sideName(n.authorSide),
        clusters.get(n.id) ?? '',
        tagLine(method, n.id),
      ])
    }
    for (const n of [...b.board.notes].sort(byVotes(votes))) {
      const tally = votes.get(n.id)
      if (!tally || tally.total === 0) continue
      voteRows.push([
        b.caseTitle,
        b.groupName,
        words.category[n.category as Category],
        n.text,
        tally.bySide[0],
        tally.bySide[1],
        tally.total,
      ])
    }
    // the side as signed; free-text owners of older boards by their name on the roster
    const ownerSide = (t: AgreementTerms) =>
      sideName(t.ownedBy?.side ?? data.participants.find((p) => p.name === t.owner)?.side ?? null)
    const checks = (t: AgreementTerms) => [
      signerLine(sides, t.cosigner),
      criterionLine(labels, t.criterion),
      t.reviewOn ? dayCell(t.reviewOn) : null,
      t.due ? dayCell(t.due) : null,
    ]
    for (const a of b.board.agreements)
      agreementRows.push([
        b.caseTitle,
        b.groupName,
        `${data.session}`,
        a.text,
        a.owner,
        ownerSide(a),
        ...checks(a),
        ...workshop.goals.map((_g, i) => {
          const score = a.goals[i]
          return score ? labels.score[score] : ''
        }),
        '',
        '',
        ...(gain ? agreementServes(a, method.served) : []),
      ])
    // [C23] in a follow-up, how the earlier session's agreements held
    for (const r of b.review)
      agreementRows.push([
        b.caseTitle,
        b.groupName,
        `${data.session - 1}`,
        r.text,
        r.owner,
        ownerSide(r),
        ...checks(r),
        ...workshop.goals.map((_g, i) => {
          const score = r.goals[String(i)] as keyof ExportLabels['score'] | undefined
          return score && score in labels.score ? labels.score[score] : ''
        }),
        [
          labels.verdict[r.status ?? 'open'],
          r.newTerms && `${labels.newTerms}: ${termsLine(labels, sides, r.newTerms)}`,
          r.chafed && `${labels.chafed}: ${r.chafed}`,
        ]
          .filter(Boolean)
          .join(' — '),
        trackLine(labels, sides, data.tracks[r.id]),
      ])
  }

  const notesSheet = table(
    book,
    words.sheets.notes,
    [
      ...where,
      { header: words.categoryColumn, width: 16 },
      { header: words.side, width: 14 },
      { header: words.text, width: 60, wrap: true },
      { header: words.votes, width: 9 },
      { header: words.votesOf(sides[0]), width: 14 },
      { header: words.votesOf(sides[1]), width: 14 },
      { header: words.authorSide, width: 16 },
      { header: labels.cluster, width: 20 },
      { header: words.tags, width: 28, wrap: true },
    ],
    noteRows,
  )
  const votesSheet = table(
    book,
    words.sheets.votes,
    [
      ...where,
      { header: words.categoryColumn, width: 16 },
      { header: words.text, width: 60, wrap: true },
      { header: sides[0], width: 12 },
      { header: sides[1], width: 12 },
      { header: words.votes, width: 9 },
    ],
    voteRows,
  )
  const agreements = table(
    book,
    words.sheets.agreements,
    [
      ...where,
      { header: words.sessionColumn, width: 9 },
      { header: labels.agreement, width: 50, wrap: true },
      { header: labels.owner, width: 18 },
      { header: words.side, width: 14 },
      { header: labels.cosigner, width: 22 },
      { header: labels.criterion, width: 40, wrap: true },
      { header: labels.reviewOn, width: 12 },
      { header: labels.due, width: 12 },
      ...workshop.goals.map((g) => ({ header: g, width: 18, wrap: true })),
      { header: words.verdict, width: 36, wrap: true },
      { header: labels.seriesTrack, width: 48, wrap: true },
      ...(gain ? sides.map((s) => ({ header: words.servesOf(s), width: 14 })) : []),
    ],
    agreementRows,
  )
  // [G3] every position with the interests found beneath it, one row each
  if (methodOf(workshop.method).positions)
    table(
      book,
      words.sheets.positions,
      [
        ...where,
        { header: words.side, width: 14 },
        { header: methodWords(labels).position, width: 50, wrap: true },
        { header: words.interestBeneath, width: 50, wrap: true },
      ],
      positionRows,
    )
  agreements.getColumn(9).numFmt = 'yyyy-mm-dd'
  agreements.getColumn(10).numFmt = 'yyyy-mm-dd'

  const bySide = [0, 1, 'other'] as const
  const people = table(
    book,
    words.sheets.participants,
    withNames
      ? [
          { header: words.name, width: 24 },
          { header: words.side, width: 14 },
          { header: labels.group, width: 14 },
        ]
      : [
          { header: words.side, width: 14 },
          { header: words.count, width: 10 },
        ],
    withNames
      ? data.participants.map((p) => [
          p.name,
          sideName(p.side),
          workshop.groups.find((g) => g.id === p.groupId)?.name ?? '',
        ])
      : bySide.map((side) => [
          sideName(side),
          data.participants.filter((p) => p.side === side).length,
        ]),
  )
  // Taken mid-session: under the data, in bold, a vote still open or private notes left out
  const notices = momentNotes(labels, data)
  for (const sheet of notices.length > 0 ? [notesSheet, votesSheet] : []) {
    sheet.addRow([])
    for (const line of notices)
      sheet.addRow([line]).font = { bold: true, color: { argb: 'FF8A4B00' } }
  }
  if (!withNames) people.addRow([]).commit()
  if (!withNames) people.addRow([words.namesLeftOut])
  return Buffer.from(await book.xlsx.writeBuffer())
}
