import PDFDocument from 'pdfkit'
import { tallyVotes, type Category } from '@sparboard/board-model'
import { BOARD_FONT_FILES, registerExportFonts } from './exportFonts.js'
import { pdfTextRuns, type PdfScript } from './pdfTextRuns.js'
import { votesLine, zoneLabels, type ExportLabels } from './exportLabels.js'
import { byVotes, type ExportedBoard, type ExportedWorkshop } from './collectWorkshop.js'
import { renderBoardPng } from './renderBoardImage.js'

// pdfkit cannot subset the WOFF2 files (fontkit trips on their transformed glyph table), so the
// PDF embeds the same faces from their WOFF twins.
const woff = (file: string) => file.replace(/\.woff2$/, '.woff')
const INK = '#1f2d3d'
const MUTED = '#5b6b7b'

type Doc = InstanceType<typeof PDFDocument>
interface WriteOptions {
  readonly bold?: boolean
  readonly color?: string
  readonly indent?: number
}
type Write = (text: string, size: number, opts?: WriteOptions) => void

/** A writer that sets each run of text in a face that has its glyphs. */
function textWriter(doc: Doc): Write {
  const fonts = registerExportFonts()
  doc.registerFont('latin', woff(BOARD_FONT_FILES.regular))
  doc.registerFont('latinBold', woff(BOARD_FONT_FILES.bold))
  if (fonts.cjk) doc.registerFont('cjk', fonts.cjk, 'NotoSansCJKsc-Regular')
  if (fonts.cjkBold) doc.registerFont('cjkBold', fonts.cjkBold, 'NotoSansCJKsc-Bold')
  if (fonts.emoji) doc.registerFont('emoji', fonts.emoji)
  const face = (script: PdfScript, bold: boolean) => {
    if (script === 'cjk' && fonts.cjk) return bold && fonts.cjkBold ? 'cjkBold' : 'cjk'
    if (script === 'emoji' && fonts.emoji) return 'emoji'
    return bold ? 'latinBold' : 'latin'
  }
  return (text, size, opts = {}) => {
    const left = doc.page.margins.left + (opts.indent ?? 0)
    const width = doc.page.width - doc.page.margins.right - left
    const runs = pdfTextRuns(text.replace(/\s*\n\s*/g, ' '))
    if (runs.length === 0) runs.push({ text: ' ', script: 'latin' })
    doc.fontSize(size).fillColor(opts.color ?? INK)
    runs.forEach((run, i) => {
      const last = i === runs.length - 1
      doc.font(face(run.script, opts.bold ?? false))
      if (i === 0) doc.text(run.text, left, doc.y, { width, continued: !last, paragraphGap: 2 })
      else doc.text(run.text, { continued: !last })
    })
  }
}

/** The whole workshop as a PDF report; every board's image follows its notes. */
export async function reportPdf(data: ExportedWorkshop, labels: ExportLabels): Promise<Buffer> {
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
  const write = textWriter(doc)

  const { workshop } = data
  write(labels.report, 11, { color: MUTED })
  write(workshop.title, 22, { bold: true })
  if (data.session > 1) write(labels.session(data.session), 12, { color: MUTED })
  doc.moveDown(0.5)
  write(labels.goals, 14, { bold: true })
  workshop.goals.forEach((g, i) => write(`${i + 1}. ${g}`, 11))
  write(`${workshop.sides[0]} · ${workshop.sides[1]}`, 10, { color: MUTED })

  for (const b of data.boards) {
    doc.addPage()
    await writeBoard(doc, b, data, labels, write)
  }
  doc.end()
  await done
  return Buffer.concat(chunks)
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
  write(`${labels.case}: ${b.caseTitle}`, 18, { bold: true })
  const broughtBy = b.broughtBy && ` · ${labels.broughtBy}: ${b.broughtBy}`
  write(`${labels.group} ${b.groupName}${broughtBy}`, 12, { color: MUTED })
  // The board first: a reader takes it in at a glance, then reads the details below it.
  const image = await renderBoardPng(b.board, zoneLabels(labels, sides), {
    pixelRatio: 1.5,
    format: 'jpeg',
    maxSide: 2400,
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
    write(title, 13, { bold: true })
    if (notes.length === 0) write(labels.none, 10, { color: MUTED })
    for (const n of notes) {
      const v = votesLine(labels, sides, votes.get(n.id))
      write(`• ${n.text || '…'}${v ? `  (${v})` : ''}`, 10.5, { indent: 8 })
    }
  }
  section(labels.interestOf(sides[0]), 'interest', 0)
  section(labels.interestOf(sides[1]), 'interest', 1)
  section(labels.friction, 'friction', null)
  section(labels.solution, 'solution', null)

  doc.moveDown(0.6)
  write(labels.agreements, 13, { bold: true })
  if (b.board.agreements.length === 0) write(labels.none, 10, { color: MUTED })
  for (const a of b.board.agreements) {
    write(`• ${a.text}`, 11, { bold: true, indent: 8 })
    const who = [
      a.owner && `${labels.owner}: ${a.owner}`,
      a.due && `${labels.due}: ${labels.day(a.due)}`,
    ]
    if (who.some(Boolean)) write(who.filter(Boolean).join(' · '), 10, { color: MUTED, indent: 20 })
    for (const [goal, score] of Object.entries(a.goals)) {
      const name = goals[Number(goal)] ?? `#${Number(goal) + 1}`
      write(`${name}: ${labels.score[score]}`, 10, { indent: 20 })
    }
  }
  if (data.session > 1) writeReview(doc, b, labels, write)
}

/** [C23] In a follow-up: how each earlier agreement on this board held, and what chafed. */
function writeReview(doc: Doc, b: ExportedBoard, labels: ExportLabels, write: Write) {
  doc.moveDown(0.6)
  write(labels.review, 13, { bold: true })
  if (b.review.length === 0) write(labels.none, 10, { color: MUTED })
  for (const r of b.review) {
    write(`• ${r.text}`, 11, { bold: true, indent: 8 })
    const who = [
      r.owner && `${labels.owner}: ${r.owner}`,
      r.due && `${labels.due}: ${labels.day(r.due)}`,
    ]
    if (who.some(Boolean)) write(who.filter(Boolean).join(' · '), 10, { color: MUTED, indent: 20 })
    write(labels.verdict[r.status ?? 'open'], 10, { bold: true, indent: 20 })
    if (r.chafed) write(`${labels.chafed}: ${r.chafed}`, 10, { indent: 20 })
  }
}
