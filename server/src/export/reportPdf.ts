import PDFDocument from 'pdfkit'
import {
  swapOutcome,
  tallyVotes,
  type AgreementSnapshot,
  type Category,
} from '@sparboard/board-model'
import { capText, hyphenator } from '@sparboard/board-scene'
// Exports lay text out in either language, synchronously: both languages' patterns, loaded now.
import '@sparboard/board-scene/hyphenation-patterns'
import { methodOf, type AgreementTerms, type RecurringFrictions } from '@sparboard/protocol'
import { MAX_GROUPED_NOTES } from '@sparboard/recurring'
import { pdfFaces, pdfRuns } from './pdfFaces.js'
import { dayIn } from '@sparboard/protocol'
import {
  criterionLine,
  momentNotes,
  signerLine,
  termsLine,
  trackLine,
  votesLine,
  zoneLabels,
  type ExportLabels,
} from './exportLabels.js'
import { byVotes, type ExportedBoard, type ExportedWorkshop } from './collectWorkshop.js'
import {
  agreementServes,
  boardMethod,
  methodLines,
  methodWords,
  sceneMarks,
  tagLine,
} from './methodExport.js'
import { renderBoardPng } from './renderBoardImage.js'

const INK = '#1f2d3d'
const MUTED = '#5b6b7b'
/** A notice that the report was taken mid-session (the band of the board images uses it too). */
const NOTICE = '#8a4b00'
const RULE = '#d5dde5'
const SOFT_HYPHEN = '\u00ad'
/** Words this long get soft hyphens at their syllables, so a line never splits one without. */
const LONG_WORDS = /[\p{L}\p{M}]{12,}/gu

type Doc = InstanceType<typeof PDFDocument>
interface WriteOptions {
  readonly bold?: boolean
  readonly color?: string
  readonly indent?: number
  /** Keep this much room (points) below the text on the same page: a heading's next lines. */
  readonly keepWithNext?: number
}
type Write = (text: string, size: number, opts?: WriteOptions) => void

/** Starts a new page unless `points` of room are left on this one. */
const ensureRoom = (doc: Doc, points: number) => {
  if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage()
}

/**
 * A writer that hyphenates long words at their syllables (Dutch or English patterns, as the
 * canvas does) and sets each run of text in the first face of the chain that has its glyphs.
 */
function textWriter(doc: Doc, lang: 'nl' | 'en'): Write {
  const faces = pdfFaces()
  for (const f of [...faces.regular, ...faces.bold])
    if (f.postscriptName) doc.registerFont(f.name, f.path, f.postscriptName)
    else doc.registerFont(f.name, f.path)
  const syllables = hyphenator(lang)
  const hyphenate = (text: string, width: number) =>
    text.replace(LONG_WORDS, (word) =>
      // only a word wider than the line would be split; elsewhere a soft hyphen would stay in
      // the text a reader copies or searches
      // (and no word of a language is over 100 letters: such a run is cut where the line ends)
      word.length <= 100 && doc.widthOfString(word) > width
        ? syllables(word).join(SOFT_HYPHEN)
        : word,
    )
  return (text, size, opts = {}) => {
    const left = doc.page.margins.left + (opts.indent ?? 0)
    const width = doc.page.width - doc.page.margins.right - left
    doc.fontSize(size)
    // Text past the note limit (a board written before the server checked it) is cut: pdfkit
    // lays out every character, and a megabyte would take minutes.
    const clean = hyphenate(capText(text).replace(/\s*\n\s*/g, ' '), width)
    // a heading never sits alone at a page's foot
    ensureRoom(doc, doc.currentLineHeight(true) + (opts.keepWithNext ?? 0))
    const runs = pdfRuns(clean, opts.bold ?? false)
    if (runs.length === 0) runs.push({ text: ' ', face: faces.regular[0]!.name })
    doc.fillColor(opts.color ?? INK)
    runs.forEach((run, i) => {
      const last = i === runs.length - 1
      doc.font(run.face)
      if (i === 0) doc.text(run.text, left, doc.y, { width, continued: !last, paragraphGap: 2 })
      else doc.text(run.text, { continued: !last })
    })
  }
}

/** Text at a fixed place (a table cell), in the faces that have its glyphs; no wrapping. */
function cell(doc: Doc, text: string, x: number, y: number, width: number, bold = false) {
  const runs = pdfRuns(capText(text), bold)
  runs.forEach((run, i) => {
    doc.font(run.face)
    const opts = { width, lineBreak: false, ellipsis: true, continued: i < runs.length - 1 }
    if (i === 0) doc.text(run.text, x, y, opts)
    else doc.text(run.text, opts)
  })
}

/**
 * The whole workshop as a PDF report, in the interface's language: a cover, an executive summary
 * (every agreement with owner, due date and scores, the agreements x goals matrix with totals,
 * the friction points and solutions with the most votes split by side), then each case and group
 * with its board image and notes. An empty board is one line, not a page.
 */
export async function reportPdf(
  data: ExportedWorkshop,
  labels: ExportLabels,
  recurring?: RecurringFrictions,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: false,
    info: { Title: data.workshop.title },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  const write = textWriter(doc, labels.lang)

  writeCover(doc, data, labels, write)
  doc.addPage()
  writeSummary(doc, data, labels, write)
  if (recurring?.enabled) writeRecurring(doc, recurring, labels, write)

  let fresh = false
  for (const b of data.boards) {
    const empty = b.board.notes.length === 0 && b.board.agreements.length === 0
    if (empty && b.review.length === 0) {
      // one line under the previous board, not a page of "none yet"
      if (!fresh) doc.moveDown(0.8)
      write(
        `${labels.case}: ${b.caseTitle} · ${labels.group} ${b.groupName}${
          b.broughtBy ? ` · ${labels.broughtBy}: ${b.broughtBy}` : ''
        } — ${labels.emptyBoard}`,
        11,
        {
          color: MUTED,
        },
      )
      continue
    }
    doc.addPage()
    fresh = true
    await writeBoard(doc, b, data, labels, write)
    fresh = false
  }
  doc.end()
  await done
  return Buffer.concat(chunks)
}

/** The cover: what, when, which session, who took part, and the goals everything is held to. */
function writeCover(doc: Doc, data: ExportedWorkshop, labels: ExportLabels, write: Write) {
  const { workshop } = data
  doc.y = doc.page.height * 0.22
  write(labels.report, 12, { color: MUTED })
  write(workshop.title, 28, { bold: true })
  doc.moveDown(0.3)
  const today = labels.day(dayIn(data.at, data.timeZone))
  write([labels.session(data.session), today].join(' · '), 13, { color: MUTED })
  // Taken mid-session: a vote still open, private notes not in it yet
  for (const line of momentNotes(labels, data)) write(line, 12, { bold: true, color: NOTICE })
  doc.moveDown(1.2)
  const count = (side: 0 | 1) => data.participants.filter((p) => p.side === side).length
  const facts: [string, string][] = [
    [labels.groups, workshop.groups.map((g) => `${labels.group} ${g.name}`).join(', ')],
    [labels.participants, `${workshop.sides[0]} ${count(0)} · ${workshop.sides[1]} ${count(1)}`],
    [labels.case, workshop.cases.map((c) => c.title).join(', ')],
  ]
  for (const [label, value] of facts) {
    write(label, 10, { color: MUTED })
    write(value || '—', 12)
    doc.moveDown(0.4)
  }
  doc.moveDown(0.8)
  write(labels.goals, 15, { bold: true, keepWithNext: 30 })
  if (workshop.goals.length === 0) write(labels.none, 11, { color: MUTED })
  workshop.goals.forEach((g, i) => write(`${i + 1}. ${g}`, 12, { indent: 4 }))
  // [G1] [G2] [G3] the method's options the facilitator switched on
  const method = methodLines(workshop, labels)
  if (method.length > 0) {
    doc.moveDown(0.8)
    write(methodWords(labels).method, 13, { bold: true, keepWithNext: 20 })
    for (const line of method) write(`• ${line}`, 10.5, { indent: 4 })
  }
}

const SCORE_MARK = { supports: '✓', neutral: '○', conflicts: '✗' } as const

/** Every agreement with its scores, the matrix against the goals, and the most-voted notes. */
function writeSummary(doc: Doc, data: ExportedWorkshop, labels: ExportLabels, write: Write) {
  const { goals, sides } = data.workshop
  write(labels.summary, 22, { bold: true })
  doc.moveDown(0.5)
  const agreements = data.boards.flatMap((b) => {
    const method = boardMethod(data.workshop, b.board, labels)
    return b.board.agreements.map((a) => ({ a, b, serves: agreementServes(a, method.served) }))
  })
  const gain = methodOf(data.workshop.method).bothSidesGain

  write(labels.agreements, 15, { bold: true, keepWithNext: 40 })
  if (agreements.length === 0) write(labels.noAgreements, 11, { color: MUTED })
  for (const { a, b } of agreements) {
    write(`• ${a.text}`, 11.5, { bold: true, indent: 4, keepWithNext: 14 })
    const who = [
      ...signedLines(labels, sides, a),
      `${b.caseTitle} · ${labels.group} ${b.groupName}`,
    ].filter(Boolean)
    write(who.join(' · '), 9.5, { color: MUTED, indent: 16 })
    if (a.criterion)
      write(`${labels.criterion}: ${criterionLine(labels, a.criterion)}`, 9.5, { indent: 16 })
    const scores = Object.entries(a.goals).map(
      ([goal, score]) => `${goals[Number(goal)] ?? `#${Number(goal) + 1}`}: ${labels.score[score]}`,
    )
    if (scores.length) write(scores.join(' · '), 9.5, { indent: 16 })
  }

  if (agreements.length > 0 && (goals.length > 0 || gain)) {
    doc.moveDown(0.8)
    writeMatrix(doc, agreements, goals, gain ? sides : null, labels, write)
  }

  doc.moveDown(0.8)
  const top = (category: Category, title: string) => {
    const notes = data.boards
      .flatMap((b) => {
        const votes = tallyVotes(b.board.votes, null)
        return b.board.notes
          .filter((n) => n.category === category)
          .map((n) => ({ n, b, tally: votes.get(n.id) }))
      })
      .filter((x) => (x.tally?.total ?? 0) > 0)
      .sort((x, y) => y.tally!.total - x.tally!.total)
      .slice(0, 5)
    write(title, 15, { bold: true, keepWithNext: 40 })
    if (notes.length === 0) write(labels.noVotes, 11, { color: MUTED })
    for (const { n, b, tally } of notes) {
      write(`• ${n.text || '…'}`, 11, { indent: 4, keepWithNext: 12 })
      write(
        `${votesLine(labels, sides, tally)} · ${b.caseTitle} · ${labels.group} ${b.groupName}`,
        9.5,
        { color: MUTED, indent: 16 },
      )
    }
    doc.moveDown(0.6)
  }
  top('friction', labels.topFrictions)
  top('solution', labels.topSolutions)
  // [SW1] the lesson of the perspective swap at a glance: per board and side, guessed vs stated
  const swapped = data.boards.filter((b) => b.board.guesses.length > 0)
  if (swapped.length === 0) return
  write(labels.swapSummary, 15, { bold: true, keepWithNext: 40 })
  for (const b of swapped) {
    write(`${b.caseTitle} · ${labels.group} ${b.groupName}`, 11, { indent: 4, keepWithNext: 24 })
    for (const side of [0, 1] as const) {
      const o = swapOutcome(b.board.notes, b.board.guesses, side)
      const score = labels.swapScore(
        o.matched.length,
        o.matched.length + o.wrong.length,
        o.missed.length,
        o.stated.length,
      )
      write(`${sides[side]}: ${score}`, 9.5, { color: MUTED, indent: 16 })
    }
  }
}

/**
 * The agreements x goals matrix, the heart of the method: a row per agreement, a column per
 * goal with ✓ ○ ✗, and a totals row (how many agreements support and how many conflict with
 * each goal). The goals are numbered in the header and named in a legend below.
 */
function writeMatrix(
  doc: Doc,
  rows: readonly { a: AgreementSnapshot; serves: readonly [number, number] }[],
  goals: readonly string[],
  /** [G1] With both sides must gain: a column per side, "serves <side>". */
  sides: readonly [string, string] | null,
  labels: ExportLabels,
  write: Write,
) {
  const agreements = rows.map((r) => r.a)
  const left = doc.page.margins.left
  const full = doc.page.width - left - doc.page.margins.right
  // [G1] as wide as "serves <side>" takes, within reason
  doc.fontSize(9.5)
  const serveColumn = sides
    ? Math.min(120, Math.max(60, ...sides.map((x) => doc.widthOfString(`serves ${x}`) + 14)))
    : 0
  const column = Math.max(
    14,
    Math.min(56, (full * 0.5 - 2 * serveColumn) / Math.max(1, goals.length)),
  )
  const textWidth = full - column * goals.length - 2 * serveColumn
  const serveX = left + textWidth + column * goals.length
  const words = methodWords(labels)
  const rowHeight = 18
  write(labels.matrix, 15, { bold: true, keepWithNext: rowHeight * 3 + 20 })
  write(labels.matrixHint, 9, { color: MUTED })
  doc.moveDown(0.3)
  const row = (cells: readonly string[], bold = false, color = INK, served?: readonly string[]) => {
    ensureRoom(doc, rowHeight)
    const y = doc.y
    doc.fontSize(9.5).fillColor(color)
    cell(doc, cells[0]!, left + 4, y + 4, textWidth - 8, bold)
    cells.slice(1).forEach((c, i) => {
      cell(doc, c, left + textWidth + i * column, y + 4, column, bold)
    })
    served?.forEach((c, i) =>
      cell(doc, c, serveX + i * serveColumn + 4, y + 4, serveColumn - 6, bold),
    )
    doc
      .moveTo(left, y + rowHeight)
      .lineTo(left + full, y + rowHeight)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke()
    doc.x = left
    doc.y = y + rowHeight
  }
  const servesHead = sides ? sides.map((s) => words.serves(s)) : undefined
  row([labels.agreement, ...goals.map((_g, i) => `  ${i + 1}`)], true, MUTED, servesHead)
  // [G1] how many interests of each side it serves; a one-sided agreement shows at a glance
  const servesCells = (s: readonly [number, number]) => s.map((n) => (n > 0 ? `✓ ${n}` : '✗'))
  for (const { a, serves } of rows)
    row(
      [a.text || '…', ...goals.map((_g, i) => `  ${a.goals[i] ? SCORE_MARK[a.goals[i]] : ''}`)],
      false,
      INK,
      sides ? servesCells(serves) : undefined,
    )
  const totals = goals.map((_g, i) => {
    const supports = agreements.filter((a) => a.goals[i] === 'supports').length
    const conflicts = agreements.filter((a) => a.goals[i] === 'conflicts').length
    return ` ✓${supports} ✗${conflicts}`
  })
  const servedTotals = ([0, 1] as const).map(
    (side) => `✓${rows.filter((r) => r.serves[side] > 0).length}`,
  )
  row([labels.total, ...totals], true, INK, sides ? servedTotals : undefined)
  doc.moveDown(0.4)
  goals.forEach((g, i) => write(`${i + 1}. ${g}`, 9.5, { color: MUTED }))
}

async function writeBoard(
  doc: Doc,
  b: ExportedBoard,
  data: ExportedWorkshop,
  labels: ExportLabels,
  write: Write,
) {
  const { sides, goals } = data.workshop
  const votes = tallyVotes(b.board.votes, null)
  const method = boardMethod(data.workshop, b.board, labels)
  const words = methodWords(labels)
  write(`${labels.case}: ${b.caseTitle}`, 18, { bold: true, keepWithNext: 40 })
  const broughtBy = b.broughtBy && ` · ${labels.broughtBy}: ${b.broughtBy}`
  write(`${labels.group} ${b.groupName}${broughtBy}`, 12, { color: MUTED })
  // The board first: a reader takes it in at a glance, then reads the details below it.
  const image = await renderBoardPng(b.board, zoneLabels(labels, sides), {
    pixelRatio: 1.5,
    format: 'jpeg',
    maxSide: 2400,
    lang: labels.lang,
    marks: sceneMarks(data.workshop, b.board, labels),
  })
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  const height = (width * image.height) / image.width
  doc.moveDown(0.5)
  doc.image(image.png, doc.page.margins.left, doc.y, { width })
  doc.y += height
  const section = (title: string, category: Category, side: 0 | 1 | null) => {
    const notes = b.board.notes
      .filter((n) => n.category === category && n.side === side)
      .sort(byVotes(votes))
    doc.moveDown(0.6)
    write(title, 13, { bold: true, keepWithNext: 14 })
    if (notes.length === 0) write(labels.none, 10, { color: MUTED })
    for (const n of notes) {
      const v = votesLine(labels, sides, votes.get(n.id))
      const tags = tagLine(method, n.id)
      write(`• ${n.text || '…'}${v ? `  (${v})` : ''}${tags ? `  [${tags}]` : ''}`, 10.5, {
        indent: 8,
      })
      // [G1] the interests a solution serves
      const serves = category === 'solution' ? method.servesOf(n.id) : []
      if (method.method.bothSidesGain && serves.length > 0)
        write(`${words.servesList}: ${serves.map((s) => s.text || '…').join(' · ')}`, 9.5, {
          color: MUTED,
          indent: 20,
        })
    }
  }
  section(labels.interestOf(sides[0]), 'interest', 0)
  section(labels.interestOf(sides[1]), 'interest', 1)
  section(labels.friction, 'friction', null)
  section(labels.solution, 'solution', null)
  // [G3] every position with the interests the group found beneath it
  if (method.method.positions) {
    doc.moveDown(0.6)
    write(words.positions, 13, { bold: true, keepWithNext: 14 })
    if (method.positions.length === 0) write(words.noPositions, 10, { color: MUTED })
    for (const { position, interests } of method.positions) {
      const side = position.side === null ? '' : ` (${sides[position.side]})`
      write(`• ${position.text || '…'}${side}`, 11, { bold: true, indent: 8, keepWithNext: 13 })
      if (interests.length === 0) write(words.nothingBeneath, 10, { color: MUTED, indent: 20 })
      for (const i of interests) write(`→ ${i.text || '…'}`, 10, { indent: 20 })
    }
  }

  doc.moveDown(0.6)
  // the heading keeps its first agreement with it
  write(labels.agreements, 13, { bold: true, keepWithNext: 40 })
  if (b.board.agreements.length === 0) write(labels.none, 10, { color: MUTED })
  for (const a of b.board.agreements) {
    // an agreement and its lines stay on one page
    const lines = 2 + Object.keys(a.goals).length
    write(`• ${a.text}`, 11, { bold: true, indent: 8, keepWithNext: lines * 13 })
    const who = signedLines(labels, sides, a)
    if (who.length > 0) write(who.join(' · '), 10, { color: MUTED, indent: 20 })
    if (a.criterion)
      write(`${labels.criterion}: ${criterionLine(labels, a.criterion)}`, 10, { indent: 20 })
    for (const [goal, score] of Object.entries(a.goals)) {
      const name = goals[Number(goal)] ?? `#${Number(goal) + 1}`
      write(`${name}: ${labels.score[score]}`, 10, { indent: 20 })
    }
  }
  const options = methodOf(data.workshop.method)
  if (options.perspectiveSwap || b.board.guesses.length > 0) writeSwap(doc, b, sides, labels, write)
  if (options.fallbackCards || b.board.fallbacks.length > 0) {
    doc.moveDown(0.6)
    write(labels.fallbacks, 13, { bold: true, keepWithNext: 14 })
    if (b.board.fallbacks.length === 0) write(labels.fallbackHidden, 10, { color: MUTED })
    for (const card of b.board.fallbacks) {
      write(sides[card.side], 11, { bold: true, indent: 8, keepWithNext: 13 })
      write(card.text || labels.noFallback, 10.5, { indent: 20 })
    }
  }
  if (data.session > 1) writeReview(doc, b, data, labels, write)
}

/** Owner, co-signer (with their sides), review and due dates of an agreement, those it has. */
function signedLines(
  labels: ExportLabels,
  sides: readonly [string, string],
  t: AgreementTerms,
): string[] {
  return [
    t.owner && `${labels.owner}: ${signerLine(sides, t.ownedBy) || t.owner}`,
    t.cosigner && `${labels.cosigner}: ${signerLine(sides, t.cosigner)}`,
    t.reviewOn && `${labels.reviewOn}: ${labels.day(t.reviewOn)}`,
    t.due && `${labels.due}: ${labels.day(t.due)}`,
  ].filter((s): s is string => Boolean(s))
}

/**
 * [SW1] The perspective swap of a board, per side: the score, each stated interest the other
 * side matched (and with what), the ones it missed, and its wrong guesses.
 */
function writeSwap(
  doc: Doc,
  b: ExportedBoard,
  sides: readonly [string, string],
  labels: ExportLabels,
  write: Write,
) {
  doc.moveDown(0.6)
  write(labels.swap, 13, { bold: true, keepWithNext: 30 })
  for (const side of [0, 1] as const) {
    const o = swapOutcome(b.board.notes, b.board.guesses, side)
    doc.moveDown(0.3)
    write(labels.swapOf(sides[side], sides[side === 0 ? 1 : 0]), 11, {
      bold: true,
      indent: 8,
      keepWithNext: 14,
    })
    const guesses = o.matched.length + o.wrong.length
    write(labels.swapScore(o.matched.length, guesses, o.missed.length, o.stated.length), 10, {
      color: MUTED,
      indent: 8,
    })
    const list = (title: string, lines: readonly string[]) => {
      if (lines.length === 0) return
      write(title, 10, { bold: true, indent: 14, keepWithNext: 13 })
      for (const line of lines) write(`• ${line}`, 10, { indent: 20 })
    }
    list(
      labels.swapMatched,
      o.stated
        .filter((s) => s.guesses.length > 0)
        .map(
          (s) =>
            `${s.note.text || '…'} (${labels.guessedAs}: ${s.guesses.map((g) => `“${g.text}”`).join(', ')})`,
        ),
    )
    list(
      labels.swapMissed,
      o.missed.map((n) => n.text || '…'),
    )
    list(
      labels.swapWrong,
      o.wrong.map((g) => g.text || '…'),
    )
  }
}

/**
 * The friction points that came up in more than one group or session: how often, the notes
 * behind each, and the agreements of the boards they came up on with whether those held.
 */
function writeRecurring(
  doc: Doc,
  recurring: RecurringFrictions,
  labels: ExportLabels,
  write: Write,
) {
  doc.moveDown(0.6)
  write(labels.recurring, 15, { bold: true, keepWithNext: 40 })
  if (recurring.frictions.length === 0) write(labels.recurringNone, 11, { color: MUTED })
  const where = (x: { session: number; caseTitle: string; groupName: string }) =>
    `${labels.sessionShort(x.session)} · ${x.caseTitle} · ${labels.group} ${x.groupName}`
  for (const f of recurring.frictions) {
    write(`• ${f.notes[0]?.text || '…'}`, 11.5, { bold: true, indent: 4, keepWithNext: 28 })
    write(labels.recurringCount(f.groups, recurring.groupCount, f.sessions), 10, { indent: 16 })
    write(labels.recurringNotes, 9.5, { color: MUTED, indent: 16, keepWithNext: 12 })
    for (const n of f.notes) write(`– ${n.text || '…'} (${where(n)})`, 9.5, { indent: 24 })
    if (f.agreements.length > 0)
      write(labels.recurringAgreements, 9.5, { color: MUTED, indent: 16, keepWithNext: 12 })
    for (const a of f.agreements)
      write(`– ${a.text || '…'} (${where(a)}): ${labels.verdict[a.verdict ?? 'open']}`, 9.5, {
        indent: 24,
      })
    doc.moveDown(0.3)
  }
  if (recurring.truncated)
    write(labels.recurringTruncated(MAX_GROUPED_NOTES), 9.5, { color: MUTED })
}

/** [C23] In a follow-up: how each earlier agreement on this board held, and what chafed. */
function writeReview(
  doc: Doc,
  b: ExportedBoard,
  data: ExportedWorkshop,
  labels: ExportLabels,
  write: Write,
) {
  const { sides } = data.workshop
  doc.moveDown(0.6)
  write(labels.review, 13, { bold: true, keepWithNext: 14 })
  if (b.review.length === 0) write(labels.none, 10, { color: MUTED })
  for (const r of b.review) {
    write(`• ${r.text}`, 11, { bold: true, indent: 8, keepWithNext: 4 * 13 })
    const who = signedLines(labels, sides, r)
    if (who.length > 0) write(who.join(' · '), 10, { color: MUTED, indent: 20 })
    if (r.criterion)
      write(`${labels.criterion}: ${criterionLine(labels, r.criterion)}`, 10, { indent: 20 })
    const decided = r.decidedAt === null ? '' : ` (${labels.decided})`
    write(labels.verdict[r.status ?? 'open'] + decided, 10, { bold: true, indent: 20 })
    if (r.newTerms)
      write(`${labels.newTerms}: ${termsLine(labels, sides, r.newTerms)}`, 10, { indent: 20 })
    if (r.chafed) write(`${labels.chafed}: ${r.chafed}`, 10, { indent: 20 })
    const track = trackLine(labels, sides, data.tracks[r.id])
    if (track) write(`${labels.seriesTrack}: ${track}`, 9, { color: MUTED, indent: 20 })
    // [C26] who proposed what, in order (the Markdown and review.csv have every verdict too)
    for (const e of r.history) {
      if (e.kind === 'verdict') continue
      const who = labels.proposedBy(e.name)
      const chafed = e.chafed ? ` (${labels.chafed}: ${e.chafed})` : ''
      write(`${who}: ${labels.verdict[e.status ?? 'open']}${chafed}`, 9, {
        color: MUTED,
        indent: 28,
      })
    }
  }
}
