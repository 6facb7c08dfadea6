import type { NoteSnapshot, Zone } from '@sparboard/board-model'

/** Colour follows the category (and, for interests, the side). */
export const NOTE_COLORS = {
  interest0: { fill: '#cfe6ff', zone: '#eef6ff', stroke: '#7cb8f2' },
  interest1: { fill: '#d8f3d0', zone: '#f1faee', stroke: '#83c97a' },
  friction: { fill: '#ffd9cf', zone: '#fff3ef', stroke: '#f09a80' },
  solution: { fill: '#fff1a8', zone: '#fffbe6', stroke: '#e6c640' },
} as const

export const colorKey = (
  n: Pick<NoteSnapshot, 'category' | 'side'> | Pick<Zone, 'category' | 'side'>,
) => (n.category === 'interest' ? (n.side === 1 ? 'interest1' : 'interest0') : n.category)
