import Konva from 'konva'
import type { Rect } from '@sparboard/board-model'
import { BOARD_FONT_STACK } from './boardFont.js'

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

function rectSvg(r: Konva.Rect, x: number, y: number): string {
  const attrs = [
    `x="${num(x)}" y="${num(y)}" width="${num(r.width())}" height="${num(r.height())}"`,
  ]
  const radius = r.cornerRadius()
  if (typeof radius === 'number' && radius > 0) attrs.push(`rx="${radius}"`)
  attrs.push(`fill="${escapeXml(String(r.fill() ?? 'none'))}"`)
  if (r.stroke()) {
    attrs.push(`stroke="${escapeXml(String(r.stroke()))}" stroke-width="${r.strokeWidth()}"`)
    const dash = r.dash()
    if (dash?.length) attrs.push(`stroke-dasharray="${dash.join(' ')}"`)
  }
  if (r.opacity() < 1) attrs.push(`opacity="${num(r.opacity())}"`)
  return `<rect ${attrs.join(' ')}/>`
}

function textSvg(t: Konva.Text, x: number, y: number): string {
  const lineHeight = t.lineHeight() * t.fontSize()
  const center = t.align() === 'center'
  const anchorX = center ? x + t.width() / 2 : x + t.padding()
  const top = y + t.padding() + lineHeight / 2
  const lines = t.textArr.map(
    (line, i) =>
      `<tspan x="${num(anchorX)}" y="${num(top + i * lineHeight)}">${escapeXml(line.text)}</tspan>`,
  )
  const weight = t.fontStyle().includes('bold') ? ' font-weight="bold"' : ''
  const anchor = center ? ' text-anchor="middle"' : ''
  return `<text font-size="${t.fontSize()}" fill="${escapeXml(String(t.fill()))}"${weight}${anchor} dominant-baseline="central" xml:space="preserve">${lines.join('')}</text>`
}

function pathSvg(p: Konva.Path, x: number, y: number): string {
  const attrs = [
    `transform="translate(${num(x)} ${num(y)})"`,
    `d="${escapeXml(p.data())}"`,
    `fill="${escapeXml(String(p.fill() ?? 'none'))}"`,
  ]
  if (p.stroke()) {
    attrs.push(`stroke="${escapeXml(String(p.stroke()))}" stroke-width="${p.strokeWidth()}"`)
    if (p.lineCap()) attrs.push(`stroke-linecap="${p.lineCap()}"`)
    if (p.lineJoin()) attrs.push(`stroke-linejoin="${p.lineJoin()}"`)
  }
  return `<path ${attrs.join(' ')}/>`
}

function nodeSvg(node: Konva.Node, dx: number, dy: number, out: string[]): void {
  const x = dx + node.x()
  const y = dy + node.y()
  if (node instanceof Konva.Group) {
    const title = node.findOne<Konva.Text>('.note-text')?.text()
    out.push(node.name() === 'note' ? `<g class="note" data-id="${escapeXml(node.id())}">` : '<g>')
    // The full text, even where the note shows it cut off with an ellipsis.
    if (title !== undefined) out.push(`<title>${escapeXml(title)}</title>`)
    for (const child of node.getChildren()) nodeSvg(child, x, y, out)
    out.push('</g>')
  } else if (node instanceof Konva.Text) {
    out.push(textSvg(node, x, y))
  } else if (node instanceof Konva.Rect) {
    out.push(rectSvg(node, x, y))
  } else if (node instanceof Konva.Path) {
    out.push(pathSvg(node, x, y))
  }
}

/**
 * Writes a scene as SVG with real, selectable text, laid out line by line exactly as Konva wrapped
 * it for the PNG.
 */
export function sceneToSvg(
  layer: Konva.Layer,
  bounds: Rect,
  options: {
    /** `@font-face` rules to embed, so the SVG looks the same where Noto Sans is not installed. */
    readonly fontFaces?: string
  } = {},
): string {
  const out: string[] = []
  for (const child of layer.getChildren()) nodeSvg(child, 0, 0, out)
  const { x, y, width, height } = bounds
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${x} ${y} ${width} ${height}">`,
    `<style>${options.fontFaces ?? ''}text { font-family: ${BOARD_FONT_STACK.replace(/"/g, "'")}; }</style>`,
    ...out,
    '</svg>',
  ].join('\n')
}
