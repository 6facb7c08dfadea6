import { capText } from './capText.js'
import { layoutText, type TextLayout } from './layoutText.js'
import { loadedHyphenator, type SceneLang } from './hyphenation.js'
import { measureIn } from './measureText.js'
import type { SceneFont, SceneText } from './sceneShapes.js'

export interface TextBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly font: SceneFont
  readonly fill: string
  /** Distance between baselines; the font size when left out. */
  readonly lineHeight?: number
  readonly maxLines?: number
  /**
   * Hyphenate words longer than a line in this language, once its patterns are loaded
   * (`loadHyphenation`); without them, or without a language, such words break anywhere.
   */
  readonly lang?: SceneLang
  readonly align?: 'left' | 'center'
}

const layouts = new Map<string, TextLayout>()
const CACHE_LIMIT = 20_000

/**
 * `layoutText` in the board's font, remembered: a note is laid out again each time it is drawn.
 * Text past the note limit is cut first (`capText`): no text costs more than a legitimate note.
 */
export function layoutInFont(whole: string, box: Omit<TextBox, 'x' | 'y' | 'fill'>): TextLayout {
  const { font, width, maxLines, lang } = box
  const text = capText(whole)
  // Until its patterns are loaded a language lays out as none: words break anywhere.
  const hyphenate = lang && loadedHyphenator(lang)
  const key = `${font.size}|${font.bold ? 1 : 0}|${width}|${maxLines ?? ''}|${hyphenate ? lang : ''}|${text}`
  let layout = layouts.get(key)
  if (!layout) {
    layout = layoutText(text, {
      width,
      ...(maxLines !== undefined && { maxLines }),
      measure: measureIn(font),
      ...(hyphenate && { hyphenate }),
    })
    if (layouts.size >= CACHE_LIMIT) layouts.clear()
    layouts.set(key, layout)
  }
  return layout
}

/** Forgets laid-out text (with the measures it was made of). */
export function forgetTextLayouts(): void {
  layouts.clear()
}

/** Text laid out in a box, as a scene shape. */
export function sceneText(text: string, box: TextBox): SceneText & { truncated: boolean } {
  const layout = layoutInFont(text, box)
  const measure = measureIn(box.font)
  return {
    kind: 'text',
    x: box.x,
    y: box.y,
    font: box.font,
    fill: box.fill,
    lineHeight: box.lineHeight ?? box.font.size,
    lines: layout.lines.map((line) => ({
      text: line,
      x: box.align === 'center' ? (box.width - measure(line)) / 2 : 0,
    })),
    truncated: layout.truncated,
  }
}
