import type { Category, Side } from '@sparboard/board-model'

/** Colour follows the category (and side); the same values as the live canvas's noteColors. */
export const SCENE_COLORS = {
  interest0: { fill: '#cfe6ff', zone: '#eef6ff', stroke: '#7cb8f2' },
  interest1: { fill: '#d8f3d0', zone: '#f1faee', stroke: '#83c97a' },
  friction: { fill: '#ffd9cf', zone: '#fff3ef', stroke: '#f09a80' },
  solution: { fill: '#fff1a8', zone: '#fffbe6', stroke: '#e6c640' },
} as const

export const sceneColorKey = (n: { category: Category; side: Side | null }) =>
  n.category === 'interest' ? (n.side === 1 ? 'interest1' : 'interest0') : n.category

export const SCENE_INK = { text: '#1f2d3d', muted: '#5b6b7b', label: '#34495e', vote: '#2f6fdf' }
