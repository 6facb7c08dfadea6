import type { Rect } from '@sparboard/board-model'
import { BOARD_FONT_STACK } from './boardFont.js'
import { baselineOf } from './konvaShapes.js'
import type { SceneGroup, SceneShape } from './sceneShapes.js'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/** Escapes text for SVG/XML content and attributes; drops characters XML 1.0 forbids. */
export const escapeXml = (s: string) =>
  s.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!)

const num = (n: number) => String(Math.round(n * 100) / 100)

function paintAttrs(shape: Exclude<SceneShape, { kind: 'text' }>): string[] {
  const attrs = [`fill="${escapeXml(shape.fill ?? 'none')}"`]
  if (shape.stroke) {
    attrs.push(`stroke="${escapeXml(shape.stroke)}" stroke-width="${shape.strokeWidth ?? 1}"`)
    if (shape.dash?.length) attrs.push(`stroke-dasharray="${shape.dash.join(' ')}"`)
  }
  if (shape.opacity !== undefined && shape.opacity < 1)
    attrs.push(`opacity="${num(shape.opacity)}"`)
  return attrs
}

function shapeSvg(shape: SceneShape, dx: number, dy: number): string {
  const x = dx + shape.x
  const y = dy + shape.y
  switch (shape.kind) {
    case 'rect': {
      const radius = shape.cornerRadius ? ` rx="${shape.cornerRadius}"` : ''
      const box = `x="${num(x)}" y="${num(y)}" width="${num(shape.width)}" height="${num(shape.height)}"`
      return `<rect ${box}${radius} ${paintAttrs(shape).join(' ')}/>`
    }
    case 'path': {
      const attrs = [`transform="translate(${num(x)} ${num(y)})"`, `d="${escapeXml(shape.data)}"`]
      attrs.push(...paintAttrs(shape))
      if (shape.lineCap) attrs.push(`stroke-linecap="${shape.lineCap}"`)
      if (shape.lineJoin) attrs.push(`stroke-linejoin="${shape.lineJoin}"`)
      return `<path ${attrs.join(' ')}/>`
    }
    case 'text': {
      const lines = shape.lines.map(
        (line, i) =>
          `<tspan x="${num(x + line.x)}" y="${num(y + baselineOf(shape, i))}">${escapeXml(line.text)}</tspan>`,
      )
      const weight = shape.font.bold ? ' font-weight="bold"' : ''
      return `<text font-size="${shape.font.size}" fill="${escapeXml(shape.fill)}"${weight} xml:space="preserve">${lines.join('')}</text>`
    }
  }
}

function groupSvg(group: SceneGroup): string {
  const shapes = group.shapes.map((s) => shapeSvg(s, group.x, group.y))
  if (!group.note) return `<g>${shapes.join('')}</g>`
  // The full text, even where the note shows it cut off with an ellipsis.
  return `<g class="note" data-id="${escapeXml(group.note.id)}"><title>${escapeXml(group.note.text)}</title>${shapes.join('')}</g>`
}

/**
 * Writes a scene as SVG with real, selectable text, line by line where the scene laid it out (as
 * the PNG and the canvas draw it).
 */
export function sceneToSvg(
  scene: { readonly groups: readonly SceneGroup[]; readonly bounds: Rect },
  options: {
    /** `@font-face` rules to embed, so the SVG looks the same where Noto Sans is not installed. */
    readonly fontFaces?: string
  } = {},
): string {
  const { x, y, width, height } = scene.bounds
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${x} ${y} ${width} ${height}">`,
    `<style>${options.fontFaces ?? ''}text { font-family: ${BOARD_FONT_STACK.replace(/"/g, "'")}; }</style>`,
    ...scene.groups.map(groupSvg),
    '</svg>',
  ].join('\n')
}
