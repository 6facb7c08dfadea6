import { tallyVotes, type Category, type NoteSnapshot } from '@sparboard/board-model'
import { votesLine, type ExportLabels } from './exportLabels.js'
import {
  byVotes,
  clusterByNote,
  type ExportedBoard,
  type ExportedWorkshop,
} from './collectWorkshop.js'

/**
 * Escapes user text for Markdown: no markup, links, HTML or line structure of its own survives.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&')
}

/** The workshop as Markdown: per case and group the notes, votes, clusters and agreements. */
export function summaryMarkdown(data: ExportedWorkshop, labels: ExportLabels): string {
  const { workshop } = data
  const out: string[] = [`# ${escapeMarkdown(workshop.title)}`, '']
  if (data.session > 1) out.push(labels.session(data.session), '')
  out.push(`## ${labels.goals}`, '')
  workshop.goals.forEach((g, i) => out.push(`${i + 1}\\. ${escapeMarkdown(g)}`))
  for (const b of data.boards) {
    const votes = tallyVotes(b.board.votes, null)
    const clusters = clusterByNote(b.board)
    const line = (n: NoteSnapshot) => {
      const extra = [
        escapeMarkdown(votesLine(labels, workshop.sides, votes.get(n.id))),
        clusters.has(n.id) ? `${labels.cluster}: ${escapeMarkdown(clusters.get(n.id)!)}` : '',
      ].filter(Boolean)
      return `- ${escapeMarkdown(n.text) || '…'}${extra.length ? ` (${extra.join(', ')})` : ''}`
    }
    const section = (title: string, category: Category, side: 0 | 1 | null) => {
      const notes = b.board.notes.filter((n) => n.category === category && n.side === side)
      out.push('', `### ${escapeMarkdown(title)}`, '')
      if (notes.length === 0) out.push(labels.none)
      notes.sort(byVotes(votes)).forEach((n) => out.push(line(n)))
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
    out.push('', `### ${labels.agreements}`, '')
    if (b.board.agreements.length === 0) out.push(labels.none)
    for (const a of b.board.agreements) {
      const who = [
        a.owner && `${labels.owner}: ${escapeMarkdown(a.owner)}`,
        a.due && `${labels.due}: ${escapeMarkdown(labels.day(a.due))}`,
      ].filter(Boolean)
      out.push(`- **${escapeMarkdown(a.text)}**${who.length ? ` (${who.join(', ')})` : ''}`)
      for (const [goal, score] of Object.entries(a.goals)) {
        const name = workshop.goals[Number(goal)] ?? `#${Number(goal) + 1}`
        out.push(`  - ${escapeMarkdown(name)}: ${labels.score[score]}`)
      }
    }
    if (data.session > 1) out.push(...reviewLines(b, labels))
  }
  return out.join('\n') + '\n'
}

/** [C23] In a follow-up: how each earlier agreement on the board held, and what chafed. */
function reviewLines(b: ExportedBoard, labels: ExportLabels): string[] {
  const out = ['', `### ${labels.review}`, '']
  if (b.review.length === 0) out.push(labels.none)
  for (const r of b.review) {
    const who = [
      r.owner && `${labels.owner}: ${escapeMarkdown(r.owner)}`,
      r.due && `${labels.due}: ${escapeMarkdown(labels.day(r.due))}`,
    ].filter(Boolean)
    out.push(`- **${escapeMarkdown(r.text)}**${who.length ? ` (${who.join(', ')})` : ''}`)
    out.push(`  - ${labels.verdict[r.status ?? 'open']}`)
    if (r.chafed) out.push(`  - ${labels.chafed}: ${escapeMarkdown(r.chafed)}`)
  }
  return out
}
