import { NOTE_SIZE, type NoteSnapshot, type Rect } from '@sparboard/board-model'

const PAD = 24
/** The band under the notes where the name is written (and double-clicked to rename). */
const NAME_BAND = 40

/** How a cluster frame looks, on the canvas and in exports alike. */
export const CLUSTER_STYLE = {
  fill: 'rgba(95, 61, 196, 0.06)',
  stroke: '#7950f2',
  strokeWidth: 2,
  dash: [12, 6],
  cornerRadius: 14,
  nameColor: '#5f3dc4',
  nameSize: 22,
} as const

/** A cluster's frame in board coordinates and its name band; `nameAt` is relative to the frame. */
export interface ClusterFrameRect extends Rect {
  readonly nameBand: Rect
  readonly nameAt: { readonly x: number; readonly y: number }
}

/**
 * The frame around a cluster's notes, its name in a band under them. Under, not over: notes sit
 * near a zone's top, and a name above them was written across the zone's own label.
 */
export function clusterFrameRect(members: readonly NoteSnapshot[]): ClusterFrameRect | null {
  if (members.length === 0) return null
  const x = Math.min(...members.map((n) => n.x)) - PAD
  const y = Math.min(...members.map((n) => n.y)) - PAD
  const width = Math.max(...members.map((n) => n.x + NOTE_SIZE.width)) + PAD - x
  const notesBottom = Math.max(...members.map((n) => n.y + NOTE_SIZE.height))
  const height = notesBottom + PAD / 2 + NAME_BAND - y
  return {
    x,
    y,
    width,
    height,
    nameBand: { x, y: y + height - NAME_BAND, width, height: NAME_BAND },
    nameAt: { x: 16, y: height - NAME_BAND + (NAME_BAND - CLUSTER_STYLE.nameSize) / 2 },
  }
}
