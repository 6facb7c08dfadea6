import Konva from 'konva'
import { cssFont } from './boardFont.js'
import type { Measure } from './layoutText.js'
import type { SceneFont } from './sceneShapes.js'

/** What measuring takes of a 2D context, the browser's or @napi-rs/canvas'. */
interface MeasuringContext {
  font: string
  measureText(text: string): { width: number }
}

let context: MeasuringContext | null = null
const widths = new Map<string, number>()
const CACHE_LIMIT = 50_000

/**
 * A string's width in the board's font, measured by the canvas Konva draws with (the browser's,
 * or @napi-rs/canvas on the server once its fonts are registered). Cached: notes are laid out
 * every time they are drawn anew.
 */
export function measureText(text: string, font: SceneFont): number {
  const css = cssFont(font)
  const key = `${css}\n${text}`
  const known = widths.get(key)
  if (known !== undefined) return known
  context ??= Konva.Util.createCanvasElement().getContext('2d') as unknown as MeasuringContext
  context.font = css
  const width = context.measureText(text).width
  if (widths.size >= CACHE_LIMIT) widths.clear()
  widths.set(key, width)
  return width
}

/** `measureText` for one font, as text layout takes it. */
export const measureIn =
  (font: SceneFont): Measure =>
  (text) =>
    measureText(text, font)

/** Forgets measured widths: a font that finished loading measures differently. */
export function forgetTextMeasures(): void {
  widths.clear()
}
