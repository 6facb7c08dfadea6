import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import type { AgreementSnapshot, NoteSnapshot } from '@sparboard/board-model'
import { NO_MOMENT } from '@sparboard/protocol'
import type { WorkshopRecord } from '../store/Store.js'
import type { ExportedWorkshop } from './collectWorkshop.js'
import { exportLabels } from './exportLabels.js'
import { escapeMarkdown, summaryMarkdown } from './summaryMarkdown.js'

// CommonMark with the table and strikethrough extensions GitHub and Obsidian use; no linkify, so
// a URL in a note stays text and the round trip compares text with text.
const md = new MarkdownIt('default', { html: true, linkify: false })

/** The text a reader sees in each element named `tag`, in order, from the rendered HTML. */
const rendered = (markdown: string, tag: string) => {
  const html = md.render(markdown)
  const texts = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))]
  return texts.map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  )
}

/** What a team types, including everything Markdown would otherwise take as markup. */
const tricky = [
  '15-min stand-up',
  '+3% marge',
  '(Sales) wil 2-daagse levering',
  'Sales & Operations',
  'NPS ≥ 45, levertijd ≤ 2 dagen',
  '- begint met een streepje',
  '+ begint met een plus',
  '# geen kop',
  '> geen citaat',
  '1. geen lijst',
  '2) ook geen lijst',
  '---',
  '*nadruk* en **vet** en _schuin_ en snake_case_naam',
  '`code` en ~~doorgehaald~~',
  '[link](javascript:alert(1)) en ![beeld](x.png)',
  '<script>alert(1)</script> <b>vet</b> <https://example.com>',
  '&amp; &#38; &copy; blijven letterlijk',
  'back\\slash \\* en C:\\temp\\',
  'kolom | pijp',
  'eindigt op #',
  'Capaciteitsdashboard 納期の共有 🙂',
]

const note = (i: number, text: string): NoteSnapshot =>
  ({
    id: `n${i}`,
    text,
    category: 'friction',
    side: null,
    x: 0,
    y: 0,
    author: 'a',
    authorSide: 0,
  }) as NoteSnapshot

const agreement = (text: string, owner: string): AgreementSnapshot =>
  ({
    id: 'a1',
    text,
    owner,
    ownedBy: { id: 'p1', name: owner, side: 1 },
    cosigner: { id: 'p2', name: 'Anna', side: 0 },
    criterion: { measure: 'on-time-in-full', target: '>= 95 %', source: 'weekplanning' },
    reviewOn: '2027-01-15',
    due: '2026-12-01',
    author: 'a',
    createdAt: 0,
    solutionIds: [],
    goals: { 0: 'supports', 1: 'conflicts' },
  }) as unknown as AgreementSnapshot

const workshop = (title: string, goals: string[]): ExportedWorkshop => ({
  workshop: {
    id: 'w',
    title,
    goals,
    sides: ['Sales', 'Operations'],
    cases: [],
    groups: [],
    boards: [],
    tokens: {},
    createdAt: 0,
  } as unknown as WorkshopRecord,
  session: 1,
  participants: [],
  moment: NO_MOMENT,
  at: 0,
  tracks: {},
  boards: [
    {
      id: 'b',
      caseTitle: 'Spoedorder',
      broughtBy: '',
      groupName: '1',
      board: {
        schemaVersion: 2,
        notes: tricky.map((t, i) => note(i, t)),
        votes: [],
        clusters: [],
        links: [],
        agreements: [agreement('Wekelijks | overleg *vóór* de planning', 'Bram <ops>')],
        guesses: [],
        fallbacks: [],
      },
      review: [],
      moment: NO_MOMENT,
    },
  ],
})

describe('the Markdown summary in a CommonMark renderer', () => {
  const summary = summaryMarkdown(
    workshop('Sales & Operations', ['NPS ≥ 45', '1. Omzet +3%']),
    exportLabels('nl'),
  )

  it('shows every note exactly as it was typed, as text: no markup, link or HTML of its own', () => {
    const items = rendered(summary, 'li')
    for (const text of tricky) expect(items).toContain(text)
    const html = md.render(summary)
    expect(html).not.toMatch(/<(script|b|a|img|em|strong|code|s|del|blockquote|hr)[ >]/)
  })

  it('escapes only what would change the meaning: common text stays readable as typed', () => {
    expect(summary).toContain('# Sales & Operations\n')
    for (const plain of ['15-min stand-up', '+3% marge', '(Sales) wil 2-daagse levering'])
      expect(summary).toContain(`- ${plain}\n`)
    expect(summary).toContain('snake_case_naam')
    expect(summary).not.toContain('&amp;amp;')
  })

  it('lists the goals as an ordered list and the agreements as a table: owner, co-signer, criterion, dates, a column per goal, and per side what it serves ([G1])', () => {
    expect(rendered(summary, 'h1')).toEqual(['Sales & Operations'])
    const html = md.render(summary)
    expect(html).toContain('<ol>\n<li>NPS ≥ 45</li>\n<li>1. Omzet +3%</li>\n</ol>')
    expect(rendered(summary, 'th')).toEqual([
      'Afspraak',
      'Eigenaar',
      'Medeondertekenaar',
      'Criterium',
      'Evaluatie op',
      'Uiterlijk',
      'NPS ≥ 45',
      '1. Omzet +3%',
      'dient Sales',
      'dient Operations',
    ])
    expect(rendered(summary, 'td')).toEqual([
      'Wekelijks | overleg *vóór* de planning',
      'Bram <ops>, Operations',
      'Anna, Sales',
      'on-time-in-full >= 95 %, af te lezen in weekplanning',
      '15 januari 2027',
      '1 december 2026',
      'ondersteunt',
      'botst',
      '✗',
      '✗',
    ])
  })

  it('a note of only spaces becomes an empty line, not markup', () => {
    expect(escapeMarkdown('   \n\t ')).toBe('')
  })
})
