import { swapOutcome, tallyVotes, type Category, type NoteSnapshot } from '@sparboard/board-model'
import { methodOf, type RecurringFrictions } from '@sparboard/protocol'
import { MAX_GROUPED_NOTES } from '@sparboard/recurring'
import {
  criterionLine,
  momentNotes,
  signerLine,
  termsLine,
  trackLine,
  votesLine,
  type ExportLabels,
} from './exportLabels.js'
import {
  agreementServes,
  boardMethod,
  methodLines,
  methodWords,
  tagLine,
  type BoardMethod,
} from './methodExport.js'
import {
  byVotes,
  clusterByNote,
  type ExportedBoard,
  type ExportedWorkshop,
} from './collectWorkshop.js'

const WORD = /[\p{L}\p{N}]/u

/** A `&` that would start a character reference (`&amp;`, `&#38;`); any other `&` is just text. */
const ENTITY = /&(?=#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g

/**
 * User text as one line of CommonMark that renders as exactly that text: markup, links, HTML and
 * block starts of its own are escaped, and nothing else, so "15-min stand-up", "+3%" and
 * "(Sales)" stay as they were typed. `|` is escaped only where the text is a table cell.
 */
export function escapeMarkdown(text: string, where: 'line' | 'cell' = 'line'): string {
  const escaped = text
    .replace(/\s+/g, ' ')
    .trim()
    // inline markup: code, emphasis, links and images, HTML and autolinks, GFM strikethrough
    .replace(/[\\`*[\]<~]/g, '\\$&')
    // `_` makes emphasis only at a word's edge: snake_case stays as it is
    .replace(/_/g, (_m, at: number, all: string) =>
      WORD.test(all[at - 1] ?? '') && WORD.test(all[at + 1] ?? '') ? '_' : '\\_',
    )
    .replace(ENTITY, '\\&')
    // block starts at the front of the line: heading, quote, list item, ordered list item
    .replace(/^(#|>|[-+](?= |$)|-(?=[- ]*$))/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2')
    // a run of # at the end would close a heading
    .replace(/ (#+)$/, ' \\$1')
  return where === 'cell' ? escaped.replace(/\|/g, '\\|') : escaped
}

/**
 * The workshop as Markdown: the recurring friction points (when the method has them on), then
 * per case and group the notes, votes, clusters and agreements.
 */
export function summaryMarkdown(
  data: ExportedWorkshop,
  labels: ExportLabels,
  recurring?: RecurringFrictions,
): string {
  const { workshop } = data
  const out: string[] = [`# ${escapeMarkdown(workshop.title)}`, '']
  if (data.session > 1) out.push(labels.session(data.session), '')
  // Taken mid-session: a vote still open, private notes not in it yet
  for (const line of momentNotes(labels, data)) out.push(`> **${escapeMarkdown(line)}**`, '')
  out.push(`## ${labels.goals}`, '')
  if (workshop.goals.length === 0) out.push(labels.none)
  workshop.goals.forEach((g, i) => out.push(`${i + 1}. ${escapeMarkdown(g)}`))
  // [G1] [G2] [G3] the method's options switched on
  const words = methodWords(labels)
  const options = methodLines(workshop, labels)
  if (options.length > 0) {
    out.push('', `## ${words.method}`, '')
    for (const l of options) out.push(`- ${escapeMarkdown(l)}`)
  }
  if (recurring?.enabled) out.push(...recurringLines(recurring, labels))
  for (const b of data.boards) {
    const votes = tallyVotes(b.board.votes, null)
    const clusters = clusterByNote(b.board)
    const method = boardMethod(workshop, b.board, labels)
    const line = (n: NoteSnapshot) => {
      const extra = [
        escapeMarkdown(votesLine(labels, workshop.sides, votes.get(n.id))),
        clusters.has(n.id) ? `${labels.cluster}: ${escapeMarkdown(clusters.get(n.id)!)}` : '',
        escapeMarkdown(tagLine(method, n.id)),
      ].filter(Boolean)
      return `- ${escapeMarkdown(n.text) || '…'}${extra.length ? ` (${extra.join(', ')})` : ''}`
    }
    const section = (title: string, category: Category, side: 0 | 1 | null) => {
      const notes = b.board.notes.filter((n) => n.category === category && n.side === side)
      out.push('', `### ${escapeMarkdown(title)}`, '')
      if (notes.length === 0) out.push(labels.none)
      notes.sort(byVotes(votes)).forEach((n) => {
        out.push(line(n))
        // [G1] the interests a solution serves
        const serves = category === 'solution' ? method.servesOf(n.id) : []
        if (method.method.bothSidesGain && serves.length > 0)
          out.push(
            `  - ${words.servesList}: ${serves.map((s) => escapeMarkdown(s.text) || '…').join(' · ')}`,
          )
      })
    }
    out.push(
      '',
      `## ${escapeMarkdown(b.caseTitle)} · ${labels.group} ${escapeMarkdown(b.groupName)}`,
    )
    if (b.broughtBy) out.push('', `${labels.broughtBy}: ${escapeMarkdown(b.broughtBy)}`)
    section(labels.interestOf(workshop.sides[0]), 'interest', 0)
    section(labels.interestOf(workshop.sides[1]), 'interest', 1)
    section(labels.friction, 'friction', null)
    section(labels.solution, 'solution', null)
    out.push(...positionLines(method, workshop.sides, labels))
    out.push('', `### ${labels.agreements}`, '')
    out.push(...agreementTable(b, workshop, labels, method))
    const switched = methodOf(workshop.method)
    if (switched.perspectiveSwap || b.board.guesses.length > 0)
      out.push(...swapLines(b, workshop.sides, labels))
    if (switched.fallbackCards || b.board.fallbacks.length > 0)
      out.push(...fallbackLines(b, workshop.sides, labels))
    if (data.session > 1) out.push(...reviewLines(b, data, labels))
  }
  return out.join('\n') + '\n'
}

/**
 * A board's agreements as a table: text, owner, co-signer, criterion, review and due dates, a
 * column per goal with its score and ([G1]) per side what it serves (GitHub, Obsidian and other
 * CommonMark renderers with the usual table extension show it).
 */
function agreementTable(
  b: ExportedBoard,
  workshop: ExportedWorkshop['workshop'],
  labels: ExportLabels,
  method: BoardMethod,
): string[] {
  const { goals, sides } = workshop
  if (b.board.agreements.length === 0) return [labels.none]
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  const goalColumns = goals.map((g, i) => escapeMarkdown(g, 'cell') || `#${i + 1}`)
  // [G1] a column per side: how many of its interests the agreement serves
  const gain = method.method.bothSidesGain
  const serveColumns = gain
    ? sides.map((s) => escapeMarkdown(methodWords(labels).serves(s), 'cell'))
    : []
  const head = [
    labels.agreement,
    labels.owner,
    labels.cosigner,
    labels.criterion,
    labels.reviewOn,
    labels.due,
    ...goalColumns,
    ...serveColumns,
  ]
  const out = [row(head), row(head.map(() => '---'))]
  const day = (d: string) => (d ? escapeMarkdown(labels.day(d), 'cell') : '')
  for (const a of b.board.agreements) {
    const serves = agreementServes(a, method.served)
    out.push(
      row([
        escapeMarkdown(a.text, 'cell') || '…',
        escapeMarkdown(signerLine(sides, a.ownedBy) || a.owner, 'cell'),
        escapeMarkdown(signerLine(sides, a.cosigner), 'cell'),
        escapeMarkdown(criterionLine(labels, a.criterion), 'cell'),
        day(a.reviewOn),
        day(a.due),
        ...goals.map((_g, i) => {
          const score = a.goals[i]
          return score ? labels.score[score] : ''
        }),
        ...(gain ? serves.map((n) => (n > 0 ? `✓ ${n}` : '✗')) : []),
      ]),
    )
  }
  return out
}

/** [G3] A board's positions, each with the interests found beneath it. */
function positionLines(
  method: BoardMethod,
  sides: readonly [string, string],
  labels: ExportLabels,
): string[] {
  if (!method.method.positions) return []
  const words = methodWords(labels)
  const out = ['', `### ${words.positions}`, '']
  if (method.positions.length === 0) out.push(words.noPositions)
  for (const { position, interests } of method.positions) {
    const side = position.side === null ? '' : ` (${escapeMarkdown(sides[position.side])})`
    out.push(`- **${escapeMarkdown(position.text) || '…'}**${side}`)
    if (interests.length === 0) out.push(`  - ${words.nothingBeneath}`)
    for (const i of interests) out.push(`  - ${escapeMarkdown(i.text) || '…'}`)
  }
  return out
}

/**
 * [SW1] The perspective swap, per side: how many of the other side's guesses matched its stated
 * interests, which interests were matched (and as what), missed, and which guesses were wrong.
 */
function swapLines(
  b: ExportedBoard,
  sides: readonly [string, string],
  labels: ExportLabels,
): string[] {
  const out = ['', `### ${labels.swap}`]
  for (const side of [0, 1] as const) {
    const o = swapOutcome(b.board.notes, b.board.guesses, side)
    const guesses = o.matched.length + o.wrong.length
    out.push(
      '',
      `#### ${escapeMarkdown(labels.swapOf(sides[side], sides[side === 0 ? 1 : 0]))}`,
      '',
    )
    out.push(labels.swapScore(o.matched.length, guesses, o.missed.length, o.stated.length))
    const matched = o.stated.filter((s) => s.guesses.length > 0)
    const list = (title: string, items: readonly string[]) => {
      if (items.length > 0) out.push('', `**${title}**`, '', ...items.map((i) => `- ${i}`))
    }
    list(
      labels.swapMatched,
      matched.map(
        (s) =>
          `${escapeMarkdown(s.note.text) || '…'} (${labels.guessedAs}: ${s.guesses
            .map((g) => `“${escapeMarkdown(g.text)}”`)
            .join(', ')})`,
      ),
    )
    list(
      labels.swapMissed,
      o.missed.map((n) => escapeMarkdown(n.text) || '…'),
    )
    list(
      labels.swapWrong,
      o.wrong.map((g) => escapeMarkdown(g.text) || '…'),
    )
  }
  return out
}

/** [FB1] Each side's "if we don't agree" card, once the facilitator revealed it. */
function fallbackLines(
  b: ExportedBoard,
  sides: readonly [string, string],
  labels: ExportLabels,
): string[] {
  const out = ['', `### ${labels.fallbacks}`, '']
  if (b.board.fallbacks.length === 0) return [...out, labels.fallbackHidden]
  for (const card of b.board.fallbacks)
    out.push(
      `- **${escapeMarkdown(sides[card.side])}**: ${escapeMarkdown(card.text) || labels.noFallback}`,
    )
  return out
}

/**
 * [C23] In a follow-up: how each earlier agreement on the board did against its criterion, what
 * chafed, new terms where it was renegotiated, and its way through the series.
 */
function reviewLines(b: ExportedBoard, data: ExportedWorkshop, labels: ExportLabels): string[] {
  const { sides } = data.workshop
  const out = ['', `### ${labels.review}`, '']
  if (b.review.length === 0) out.push(labels.none)
  for (const r of b.review) {
    const who = [
      r.owner && `${labels.owner}: ${escapeMarkdown(signerLine(sides, r.ownedBy) || r.owner)}`,
      r.cosigner && `${labels.cosigner}: ${escapeMarkdown(signerLine(sides, r.cosigner))}`,
      r.due && `${labels.due}: ${escapeMarkdown(labels.day(r.due))}`,
    ].filter(Boolean)
    out.push(`- **${escapeMarkdown(r.text)}**${who.length ? ` (${who.join(', ')})` : ''}`)
    if (r.criterion)
      out.push(`  - ${labels.criterion}: ${escapeMarkdown(criterionLine(labels, r.criterion))}`)
    // [C26] the final verdict is the facilitator's; who proposed what stays on record
    const decided = r.decidedAt === null ? '' : ` (${labels.decided})`
    out.push(`  - ${labels.verdict[r.status ?? 'open']}${decided}`)
    if (r.newTerms)
      out.push(`  - ${labels.newTerms}: ${escapeMarkdown(termsLine(labels, sides, r.newTerms))}`)
    if (r.chafed) out.push(`  - ${labels.chafed}: ${escapeMarkdown(r.chafed)}`)
    const track = trackLine(labels, sides, data.tracks[r.id])
    if (track) out.push(`  - ${labels.seriesTrack}: ${escapeMarkdown(track)}`)
    if (r.history.length > 0) out.push(`  - ${labels.history}:`)
    for (const e of r.history) {
      const who = e.kind === 'verdict' ? labels.facilitatorSet : labels.proposedBy(e.name)
      const chafed = e.chafed ? ` (${labels.chafed}: ${escapeMarkdown(e.chafed)})` : ''
      out.push(`    - ${escapeMarkdown(who)}: ${labels.verdict[e.status ?? 'open']}${chafed}`)
    }
  }
  return out
}

/** The recurring friction points: each with its count, the notes behind it and its agreements. */
function recurringLines(recurring: RecurringFrictions, labels: ExportLabels): string[] {
  const out = ['', `## ${labels.recurring}`, '']
  if (recurring.frictions.length === 0) out.push(labels.recurringNone)
  const where = (x: { session: number; caseTitle: string; groupName: string }) =>
    escapeMarkdown(
      `${labels.sessionShort(x.session)}, ${x.caseTitle} · ${labels.group} ${x.groupName}`,
    )
  for (const f of recurring.frictions) {
    const count = labels.recurringCount(f.groups, recurring.groupCount, f.sessions)
    out.push(`- **${escapeMarkdown(f.notes[0]?.text ?? '') || '…'}**: ${count}`)
    out.push(`  - ${labels.recurringNotes}:`)
    for (const n of f.notes) out.push(`    - ${escapeMarkdown(n.text) || '…'} (${where(n)})`)
    if (f.agreements.length > 0) out.push(`  - ${labels.recurringAgreements}:`)
    for (const a of f.agreements) {
      const verdict = labels.verdict[a.verdict ?? 'open']
      out.push(`    - ${escapeMarkdown(a.text) || '…'} (${where(a)}): ${verdict}`)
    }
  }
  if (recurring.truncated) out.push('', labels.recurringTruncated(MAX_GROUPED_NOTES))
  return out
}
