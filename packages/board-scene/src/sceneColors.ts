import type { Category, Side } from '@sparboard/board-model'

/** Colour follows the category (and, for interests, the side); the one palette of the board. */
export const SCENE_COLORS = {
  interest0: { fill: '#cfe6ff', zone: '#eef6ff', stroke: '#7cb8f2' },
  interest1: { fill: '#d8f3d0', zone: '#f1faee', stroke: '#83c97a' },
  friction: { fill: '#ffd9cf', zone: '#fff3ef', stroke: '#f09a80' },
  solution: { fill: '#fff1a8', zone: '#fffbe6', stroke: '#e6c640' },
} as const

export type SceneColorKey = keyof typeof SCENE_COLORS

export const sceneColorKey = (n: {
  readonly category: Category
  readonly side: Side | null
}): SceneColorKey =>
  n.category === 'interest' ? (n.side === 1 ? 'interest1' : 'interest0') : n.category

/** Ink of text and marks; `mine` is a vote pill the viewer has a vote in, and the selection. */
export const SCENE_INK = {
  text: '#1f2d3d',
  muted: '#5b6b7b',
  label: '#34495e',
  vote: '#34495e',
  mine: '#2f6fdf',
  selection: '#2f6fdf',
} as const
