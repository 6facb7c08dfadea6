import type * as Y from 'yjs'
import {
  addAgreement,
  addNotes,
  asAgreementId,
  asClusterId,
  asNoteId,
  asParticipantId,
  castVote,
  groupNotes,
  userOrigin,
  zoneFor,
  type NoteInput,
} from '@sparboard/board-model'

const origin = userOrigin('fixture')

/** Notes that try every hard case: diacritics, emoji, CJK, markup, formulas, line breaks. */
export const KNOWN_NOTES = [
  {
    id: 'n-a',
    category: 'interest',
    side: 0,
    text: 'Klanten één dag eerder beloven',
    authorSide: 0,
  },
  {
    id: 'n-b',
    category: 'interest',
    side: 1,
    text: 'Planning ligt 2 weken vast 🚚',
    authorSide: 1,
  },
  {
    id: 'n-c',
    category: 'friction',
    text: 'Spoedorders <script>alert(1)</script> & "rush"',
    authorSide: 0,
  },
  { id: 'n-d', category: 'friction', text: '=HYPERLINK("http://x","klik")', authorSide: 1 },
  { id: 'n-e', category: 'solution', text: '納期の共有 weekly', authorSide: 1 },
  {
    id: 'n-f',
    category: 'solution',
    text: '-1 dag buffer,\nmet **overleg** [link](x)',
    authorSide: 0,
  },
] as const

export const KNOWN_AGREEMENTS = [
  { id: 'a-1', text: 'Wekelijks capaciteitsoverleg', owner: 'Bram', due: '2026-12-01' },
  { id: 'a-2', text: 'Spoed alleen na akkoord 👍', owner: 'Anna', due: '' },
] as const

/** Fills a board with KNOWN_NOTES (two per zone row), votes, a cluster and the agreements. */
export function fillKnownBoard(doc: Y.Doc): void {
  const perZone = new Map<string, number>()
  addNotes(
    doc,
    KNOWN_NOTES.map((n) => {
      const zone = zoneFor(n.category, 'side' in n ? n.side : null)
      const key = `${zone.x},${zone.y}`
      const i = perZone.get(key) ?? 0
      perZone.set(key, i + 1)
      return {
        id: asNoteId(n.id),
        category: n.category,
        ...('side' in n && { side: n.side }),
        x: zone.x + 40 + i * 240,
        y: zone.y + 130,
        text: n.text,
        author: 'Fixture',
        authorSide: n.authorSide,
      } as NoteInput & { id: ReturnType<typeof asNoteId> }
    }),
    origin,
  )
  // Votes from both sides: n-e has 3 (2 of side 0, 1 of side 1), n-c 1 (of side 0).
  const voter = { participant: asParticipantId('p1'), side: 0 as const, budget: 5 }
  castVote(doc, asNoteId('n-e'), voter, origin)
  castVote(doc, asNoteId('n-e'), voter, origin)
  castVote(doc, asNoteId('n-c'), voter, origin)
  castVote(doc, asNoteId('n-e'), { participant: asParticipantId('p2'), side: 1, budget: 5 }, origin)
  groupNotes(doc, asClusterId('c-1'), [asNoteId('n-c'), asNoteId('n-d')], 'Spoed', origin)
  for (const a of KNOWN_AGREEMENTS) {
    addAgreement(
      doc,
      asAgreementId(a.id),
      {
        text: a.text,
        owner: a.owner,
        due: a.due,
        author: 'Fixture',
        createdAt: 1,
        solutionIds: [asNoteId('n-e')],
        goals: { 0: 'supports', 1: 'conflicts' },
      },
      origin,
    )
  }
}

/**
 * A board of `count` notes for benchmarks: stacked inside the zones, or in a grid of `columns`
 * (which makes the board, and so the image, larger).
 */
export function fillLargeBoard(doc: Y.Doc, count: number, seed = 1, columns = 0): void {
  const notes: (NoteInput & { id: ReturnType<typeof asNoteId> })[] = []
  const cats = ['interest', 'friction', 'interest', 'solution'] as const
  for (let i = 0; i < count; i++) {
    const c = cats[i % 4]!
    const zone = zoneFor(c, c === 'interest' ? ((i >> 2) % 2 === 0 ? 0 : 1) : null)
    notes.push({
      id: asNoteId(`b${seed}-${i}`),
      category: c,
      ...(c === 'interest' && { side: zone.side ?? 0 }),
      x: columns ? (i % columns) * 220 : zone.x + ((i * 37) % Math.max(1, zone.width - 200)),
      y: columns
        ? Math.floor(i / columns) * 170
        : zone.y + ((i * 53) % Math.max(1, zone.height - 150)),
      text: `Notitie ${i}: één café, levertijd en capaciteit voor week ${i % 52}`,
      author: `P${i % 12}`,
    })
  }
  for (let i = 0; i < notes.length; i += 100) addNotes(doc, notes.slice(i, i + 100), origin)
}
