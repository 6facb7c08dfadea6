import { NOTE_SIZE, rankByVotes, type NoteSnapshot } from '@sparboard/board-model'
import { capText } from './capText.js'
import { noteTagShapes, type NoteTag } from './methodMarks.js'
import { AGREEMENT_MARKER, agreementMarkerShapes } from './agreementMarker.js'
import type { SceneLang } from './hyphenation.js'
import { SCENE_COLORS, SCENE_INK, sceneColorKey } from './sceneColors.js'
import type { SceneGroup, SceneRect, SceneShape } from './sceneShapes.js'
import { sceneText } from './sceneText.js'

/** A note's text: one size on every note, never shrunk to fit. */
export const NOTE_TEXT = {
  x: 12,
  y: 12,
  width: NOTE_SIZE.width - 24,
  font: { size: 19 },
  lineHeight: 23.75,
} as const

/** Under the text: the author's line, with the vote pill and the agreement marker at its end. */
const FOOTER = 36
const NOTE_LINES = Math.floor((NOTE_SIZE.height - FOOTER) / NOTE_TEXT.lineHeight)
const PILL = { width: 36, height: 20, right: 10, bottom: 8 } as const

/** Where a note's vote pill sits, relative to the note (its height, if drawn taller). */
export function votePill(agreed: boolean, height: number = NOTE_SIZE.height) {
  const room = agreed ? AGREEMENT_MARKER.room : 0
  return {
    x: NOTE_SIZE.width - PILL.right - PILL.width - room,
    y: height - PILL.bottom - PILL.height,
    width: PILL.width,
    height: PILL.height,
  }
}

/** [C35] Gold, silver and bronze: the badge of the three best-ranked solutions. */
const RANK_COLORS = ['#c9961a', '#7d8b99', '#a8622c'] as const
/** The badge sits over the note's top right corner, inside the scene's margin. */
export const RANK_BADGE = { x: NOTE_SIZE.width - 18, y: -10, size: 28 } as const

/** [C35] The rank badge's shapes, at (x, y) (over a note's corner by default). */
export function rankBadge(
  rank: number,
  x: number = RANK_BADGE.x,
  y: number = RANK_BADGE.y,
): SceneShape[] {
  const { size } = RANK_BADGE
  return [
    {
      kind: 'rect',
      x,
      y,
      width: size,
      height: size,
      cornerRadius: size / 2,
      fill: RANK_COLORS[rank - 1]!,
      stroke: '#ffffff',
      strokeWidth: 2,
    },
    sceneText(String(rank), {
      x,
      y: y + 5,
      width: size,
      align: 'center',
      font: { size: 15, bold: true },
      fill: '#ffffff',
      maxLines: 1,
    }),
  ]
}

/**
 * [C35] The three best-ranked solutions by their dots (equal totals share a rank, so there may
 * be more than three marks, or fewer), as note id to rank.
 */
export function topSolutions(
  notes: readonly Pick<NoteSnapshot, 'id' | 'category'>[],
  votes: ReadonlyMap<string, number>,
): ReadonlyMap<string, number> {
  const totals = new Map(notes.map((n) => [n.id, { total: votes.get(n.id) ?? 0 }]))
  const solutions = notes.filter((n) => n.category === 'solution').map((n) => n.id)
  return new Map(
    rankByVotes(solutions, totals)
      .filter((r) => r.rank <= RANK_COLORS.length)
      .map((r) => [r.noteId, r.rank]),
  )
}

/** A vote pill's shapes in the box `votePill` gives: the pill, a dot and the count. */
export function votePillShapes(
  pill: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  votes: number,
  mine = false,
): SceneShape[] {
  return [
    {
      kind: 'rect',
      ...pill,
      cornerRadius: PILL.height / 2,
      fill: mine ? SCENE_INK.mine : SCENE_INK.vote,
    },
    // The dot is a shape, not a "●": the glyph came from whichever font the SVG viewer had.
    {
      kind: 'rect',
      x: pill.x + 8,
      y: pill.y + 6.5,
      width: 7,
      height: 7,
      cornerRadius: 3.5,
      fill: '#ffffff',
    },
    sceneText(String(votes), {
      x: pill.x + 16,
      y: pill.y + 4,
      width: 18,
      align: 'center',
      font: { size: 12, bold: true },
      fill: '#ffffff',
      maxLines: 1,
    }),
  ]
}

/** What a note shows beside its own fields: votes, agreement, and how the canvas marks it. */
export interface NoteLook {
  readonly lang: SceneLang
  readonly votes?: number
  /** The viewer has a vote in it: the pill shows in the selection's blue. */
  readonly mine?: boolean
  readonly agreed?: boolean
  /** A 3 px outline: the selection, or someone else's colour. */
  readonly outline?: string
  /** The whole text, the note drawn as tall as it takes (a selected note). */
  readonly expanded?: boolean
  /** The text is left out (the editor shows it). */
  readonly hideText?: boolean
  /** [C35] One of the three best-ranked solutions after the vote: 1, 2 or 3. */
  readonly rank?: number
  /** Tags over the top edge: one-sided, a position, each side's support ([G1], [G2], [G3]). */
  readonly tags?: readonly NoteTag[]
}

export interface NoteScene extends SceneGroup {
  readonly height: number
  /** The text did not fit and ends in an ellipsis. */
  readonly truncated: boolean
}

type NoteFields = Pick<NoteSnapshot, 'id' | 'x' | 'y' | 'text' | 'author' | 'category' | 'side'>

const shadow = (y: number, height: number, opacity: number, cornerRadius: number): SceneRect => ({
  kind: 'rect',
  x: 0,
  y,
  width: NOTE_SIZE.width,
  height,
  fill: '#1b2a3a',
  opacity,
  cornerRadius,
})

/**
 * A note as shapes relative to its top left: shadow, paper, text, author, vote pill and
 * agreement marker. The canvas and every export draw these.
 * @example noteScene(note, { lang: 'nl', votes: 2 }).shapes
 */
export function noteScene(note: NoteFields, look: NoteLook): NoteScene {
  const votes = look.votes ?? 0
  const agreed = look.agreed ?? false
  const text = sceneText(note.text, {
    ...NOTE_TEXT,
    fill: SCENE_INK.text,
    lang: look.lang,
    ...(!look.expanded && { maxLines: NOTE_LINES }),
  })
  // Taller by the lines past the usual four, the footer as far below the text as ever.
  const extra = Math.max(0, text.lines.length - NOTE_LINES) * NOTE_TEXT.lineHeight
  const height = Math.ceil(NOTE_SIZE.height + extra)
  const color = SCENE_COLORS[sceneColorKey(note)]
  // A blurred shadow costs ~10 ms per note in a CPU rasteriser; two soft offset rectangles
  // look alike and cost next to nothing, on the canvas too.
  const shapes: SceneShape[] = [
    shadow(2, height, 0.06, 8),
    shadow(3, height, 0.08, 6),
    {
      kind: 'rect',
      x: 0,
      y: 0,
      width: NOTE_SIZE.width,
      height,
      fill: color.fill,
      cornerRadius: 6,
      stroke: look.outline ?? color.stroke,
      strokeWidth: look.outline ? 3 : 1,
    },
  ]
  if (!look.hideText) shapes.push(text)
  const pill = votePill(agreed, height)
  const author = sceneText(note.author, {
    x: NOTE_TEXT.x,
    y: height - 22,
    width:
      NOTE_TEXT.width - (votes > 0 ? PILL.width + 4 : 0) - (agreed ? AGREEMENT_MARKER.room : 0),
    font: { size: 12 },
    fill: SCENE_INK.muted,
    maxLines: 1,
  })
  shapes.push(author)
  if (votes > 0) shapes.push(...votePillShapes(pill, votes, look.mine ?? false))
  if (agreed) shapes.push(...agreementMarkerShapes(height))
  if (look.rank !== undefined && look.rank >= 1 && look.rank <= RANK_COLORS.length)
    shapes.push(...rankBadge(look.rank))
  if (look.tags && look.tags.length > 0) shapes.push(...noteTagShapes(look.tags))
  return {
    x: note.x,
    y: note.y,
    shapes,
    note: { id: note.id, text: capText(note.text) },
    height,
    truncated: text.truncated,
  }
}
