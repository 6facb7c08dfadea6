import type { Rect } from '@sparboard/board-model'

/** A face of the board's font: its size in board px and whether it is bold. */
export interface SceneFont {
  readonly size: number
  readonly bold?: boolean
}

interface Paint {
  readonly fill?: string
  readonly stroke?: string
  readonly strokeWidth?: number
  readonly dash?: readonly number[]
  readonly opacity?: number
}

export interface SceneRect extends Rect, Paint {
  readonly kind: 'rect'
  readonly cornerRadius?: number
}

/** SVG path data (M, L, Q, Z only), drawn at (x, y). */
export interface ScenePath extends Paint {
  readonly kind: 'path'
  readonly x: number
  readonly y: number
  readonly data: string
  readonly lineCap?: 'round' | 'butt'
  readonly lineJoin?: 'round' | 'miter'
}

/** One laid-out line: its text and where it starts, relative to the text's box. */
export interface SceneLine {
  readonly text: string
  readonly x: number
}

/**
 * Text already broken into lines: every renderer writes these lines where they are, none wraps
 * or measures again. (x, y) is the top left of the first line's box.
 */
export interface SceneText {
  readonly kind: 'text'
  readonly x: number
  readonly y: number
  readonly font: SceneFont
  readonly fill: string
  /** Distance between baselines, in board px. */
  readonly lineHeight: number
  readonly lines: readonly SceneLine[]
}

export type SceneShape = SceneRect | ScenePath | SceneText

/** Shapes drawn together at (x, y); a note's group says which note it is. */
export interface SceneGroup {
  readonly x: number
  readonly y: number
  readonly shapes: readonly SceneShape[]
  readonly note?: { readonly id: string; readonly text: string }
}
