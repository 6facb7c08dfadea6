import {
  NOTE_SIZE,
  isOneSided,
  servedSides,
  supportOf,
  tallySupport,
  type DoubleMajority,
  type LinkSnapshot,
  type NoteSnapshot,
  type Rect,
  type VoteSnapshot,
} from '@sparboard/board-model'
import { measureIn } from './measureText.js'
import type { SceneGroup, SceneShape } from './sceneShapes.js'
import { sceneText } from './sceneText.js'

/** A small label over a note's top edge: one-sided, a position, each side's support. */
export interface NoteTag {
  readonly text: string
  readonly tone: 'warn' | 'info' | 'ok'
}

const TONES = { warn: '#a84300', info: '#5f3dc4', ok: '#2b8a3e' } as const

/** Where tags sit, relative to the note: a row over its top edge, left of the rank badge. */
export const NOTE_TAGS = {
  x: 8,
  y: -9,
  height: 18,
  pad: 6,
  gap: 4,
  font: { size: 11, bold: true },
  /** Up to where the rank badge begins. */
  right: NOTE_SIZE.width - 22,
} as const

/** A note's tags as shapes, relative to the note; a tag that does not fit ends in an ellipsis. */
export function noteTagShapes(tags: readonly NoteTag[]): SceneShape[] {
  const { x: left, y, height, pad, gap, font, right } = NOTE_TAGS
  const measure = measureIn(font)
  const shapes: SceneShape[] = []
  let x = left
  for (const tag of tags) {
    const room = right - x
    if (room < 2 * pad + 12) break
    const width = Math.min(Math.ceil(measure(tag.text)) + 2 * pad, room)
    shapes.push(
      {
        kind: 'rect',
        x,
        y,
        width,
        height,
        cornerRadius: height / 2,
        fill: TONES[tag.tone],
        stroke: '#ffffff',
        strokeWidth: 1.5,
      },
      sceneText(tag.text, {
        x: x + pad,
        y: y + 3,
        width: width - 2 * pad,
        font,
        fill: '#ffffff',
        maxLines: 1,
      }),
    )
    x += width + gap
  }
  return shapes
}

/** What the workshop's method switches on, as the board draws it. */
export interface MethodLook {
  /** [G1] Mark solutions that serve one side only. */
  readonly bothSidesGain: boolean
  /** [G3] Mark positions. */
  readonly positions: boolean
  /** [G2] Show each side's support on voted solutions; null when off. */
  readonly doubleMajority: DoubleMajority | null
}

/** The words of the tags, in the board's language, with the workshop's side names. */
export interface MethodLabels {
  readonly oneSided: string
  readonly position: string
  readonly sides: readonly [string, string]
}

/** "Sales ✓ Operations ✗": each side's support for a solution under the double majority. */
export function supportText(
  sides: readonly [string, string],
  support: readonly [{ readonly met: boolean }, { readonly met: boolean }],
): string {
  return sides.map((side, i) => `${side} ${support[i]!.met ? '✓' : '✗'}`).join(' ')
}

/**
 * The tags each note carries under the workshop's method: "one-sided" on a solution that serves
 * interests of one side only, "position" on a position, and each side's support on a solution
 * with votes when the double majority is on. The canvas, the outline and every export show these.
 * @example methodTags(board, { bothSidesGain: true, positions: true, doubleMajority: null }, labels)
 */
export function methodTags(
  board: {
    readonly notes: readonly NoteSnapshot[]
    readonly links: readonly LinkSnapshot[]
    readonly votes: readonly VoteSnapshot[]
  },
  method: MethodLook,
  labels: MethodLabels,
): ReadonlyMap<string, readonly NoteTag[]> {
  const byId = new Map(board.notes.map((n) => [n.id, n]))
  const served = method.bothSidesGain ? servedSides(board.links, byId) : new Map()
  const support = method.doubleMajority ? tallySupport(board.votes) : null
  const out = new Map<string, NoteTag[]>()
  const add = (id: string, tag: NoteTag) => out.set(id, [...(out.get(id) ?? []), tag])
  for (const note of board.notes) {
    if (method.positions && note.position) add(note.id, { text: labels.position, tone: 'info' })
    if (note.category !== 'solution') continue
    if (method.bothSidesGain && isOneSided(served.get(note.id)))
      add(note.id, { text: labels.oneSided, tone: 'warn' })
    if (method.doubleMajority && support?.notes.has(note.id)) {
      const sides = supportOf(support, note.id, method.doubleMajority)
      add(note.id, {
        text: supportText(labels.sides, sides),
        tone: sides.every((s) => s.met) ? 'ok' : 'warn',
      })
    }
  }
  return out
}

/** Where the segment from a rectangle's centre towards `to` leaves the rectangle. */
function border(r: Rect, to: { readonly x: number; readonly y: number }) {
  const cx = r.x + r.width / 2
  const cy = r.y + r.height / 2
  const dx = to.x - cx
  const dy = to.y - cy
  if (dx === 0 && dy === 0) return { x: cx, y: cy }
  const t = Math.min(
    dx === 0 ? Infinity : r.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : r.height / 2 / Math.abs(dy),
  )
  return { x: cx + dx * t, y: cy + dy * t }
}

const LINK_INK = { serves: '#5b6b7b', beneath: '#5f3dc4' } as const

/**
 * The board's links as connector lines between the notes' edges, with a dot where a line meets
 * the interest: solid from a solution to an interest it serves, dashed from a position to an
 * interest beneath it. Drawn under the notes.
 * @example linkScene(board.links, notesById)
 */
export function linkScene(
  links: readonly LinkSnapshot[],
  notesById: ReadonlyMap<string, Pick<NoteSnapshot, 'x' | 'y' | 'category'>>,
  only?: ReadonlySet<string>,
): SceneGroup {
  const shapes: SceneShape[] = []
  const box = (n: Pick<NoteSnapshot, 'x' | 'y'>): Rect => ({ x: n.x, y: n.y, ...NOTE_SIZE })
  for (const link of links) {
    if (only && !(only.has(link.from) && only.has(link.to))) continue
    const from = notesById.get(link.from)
    const to = notesById.get(link.to)
    if (!from || !to) continue
    const a = box(from)
    const b = box(to)
    const start = border(a, { x: b.x + b.width / 2, y: b.y + b.height / 2 })
    const end = border(b, { x: a.x + a.width / 2, y: a.y + a.height / 2 })
    const serves = from.category === 'solution'
    const ink = serves ? LINK_INK.serves : LINK_INK.beneath
    const r = 4.5
    shapes.push(
      {
        kind: 'path',
        x: 0,
        y: 0,
        data: `M${round(start.x)} ${round(start.y)}L${round(end.x)} ${round(end.y)}`,
        stroke: ink,
        strokeWidth: 2.5,
        opacity: 0.85,
        lineCap: 'round',
        ...(!serves && { dash: [8, 6] }),
      },
      {
        kind: 'rect',
        x: end.x - r,
        y: end.y - r,
        width: 2 * r,
        height: 2 * r,
        cornerRadius: r,
        fill: ink,
      },
    )
  }
  return { x: 0, y: 0, shapes }
}

const round = (n: number) => Math.round(n * 10) / 10
