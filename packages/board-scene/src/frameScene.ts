import { ZONES, type Rect } from '@sparboard/board-model'
import { AGREEMENT_MARKER_SHAPES } from './agreementMarker.js'
import { measureText } from './measureText.js'
import { rankBadge, votePillShapes } from './noteScene.js'
import { SCENE_COLORS, SCENE_INK, sceneColorKey } from './sceneColors.js'
import type { SceneFont, SceneGroup, SceneShape } from './sceneShapes.js'
import { sceneText } from './sceneText.js'

/** What an exported image says above the board: which board, when, and how to read it. */
export interface SceneFrame {
  /** The case and the group, e.g. "Rush order — Group 1". */
  readonly title: string
  /** The workshop, the day and, in a follow-up, the session, e.g. "Planning · 4 December 2026 · Session 2". */
  readonly details: string
  /** Said in a highlight under the details: a vote still open, private notes not included. */
  readonly notices: readonly string[]
  /** One label per zone, in the order of ZONES (with the workshop's side names). */
  readonly zoneLabels: readonly string[]
  /** The legend's words for the marks on notes. */
  readonly marks: { readonly votes: string; readonly agreement: string; readonly rank: string }
}

/** The band's measures in board px (an exported image is 1 board px per pixel at scale 1). */
export const FRAME = {
  padding: 32,
  /** The band is at least this wide, so a narrow selection still has room for it. */
  minWidth: 1000,
  title: { font: { size: 40, bold: true }, lineHeight: 50, maxLines: 2 },
  details: { font: { size: 24 }, lineHeight: 32, maxLines: 2 },
  notice: { font: { size: 24, bold: true }, lineHeight: 32, maxLines: 2 },
  legend: { font: { size: 20 }, row: 40, swatch: { width: 36, height: 26 }, gap: 12, space: 36 },
} as const

const NOTICE_INK = '#8a4b00'
const NOTICE_FILL = '#fff3d6'
const RULE = '#c9d3dd'

/** Shapes moved by (dx, dy). */
const moved = (shapes: readonly SceneShape[], dx: number, dy: number): SceneShape[] =>
  shapes.map((s) => ({ ...s, x: s.x + dx, y: s.y + dy }))

/** One legend entry: its sample at (0, 0), how wide the sample is, and its words. */
interface LegendItem {
  readonly sample: readonly SceneShape[]
  readonly width: number
  readonly label: string
}

function legendItems(frame: SceneFrame): LegendItem[] {
  const { swatch } = FRAME.legend
  const zones: LegendItem[] = ZONES.map((zone, i) => {
    const color = SCENE_COLORS[sceneColorKey(zone)]
    return {
      sample: [
        {
          kind: 'rect',
          x: 0,
          y: 0,
          ...swatch,
          fill: color.fill,
          stroke: color.stroke,
          strokeWidth: 1.5,
          cornerRadius: 5,
        },
      ],
      width: swatch.width,
      label: frame.zoneLabels[i] ?? '',
    }
  })
  const seal = AGREEMENT_MARKER_SHAPES.seal
  const badge = rankBadge(1, 0, 0)
  return [
    ...zones,
    {
      sample: votePillShapes({ x: 0, y: 3, width: 36, height: 20 }, 3),
      width: 36,
      label: frame.marks.votes,
    },
    {
      sample: moved(
        [AGREEMENT_MARKER_SHAPES.seal, AGREEMENT_MARKER_SHAPES.check],
        -seal.x,
        -seal.y + 2,
      ),
      width: seal.width,
      label: frame.marks.agreement,
    },
    { sample: moved(badge, 0, -1), width: 28, label: frame.marks.rank },
  ]
}

/** The legend flowed into rows `width` wide; returns its shapes and its height. */
function legendShapes(frame: SceneFrame, width: number): { shapes: SceneShape[]; height: number } {
  const { font, row, gap, space } = FRAME.legend
  const shapes: SceneShape[] = []
  let x = 0
  let y = 0
  for (const item of legendItems(frame)) {
    const labelWidth = Math.min(measureText(item.label, font), width - item.width - gap)
    const needed = item.width + gap + labelWidth
    if (x > 0 && x + needed > width) {
      x = 0
      y += row
    }
    shapes.push(...moved(item.sample, x, y + (row - 26) / 2 - 6))
    shapes.push(
      sceneText(item.label, {
        x: x + item.width + gap,
        y: y + (row - font.size) / 2 - 6,
        width: labelWidth + 1,
        font,
        fill: SCENE_INK.label,
        maxLines: 1,
      }),
    )
    x += needed + space
  }
  return { shapes, height: y + row }
}

/** Text lines of a band section; returns the shape and the height it takes. */
function block(
  text: string,
  y: number,
  width: number,
  style: { readonly font: SceneFont; readonly lineHeight: number; readonly maxLines: number },
  fill: string,
  x = 0,
) {
  const shape = sceneText(text, { x, y, width, fill, ...style })
  return { shape, height: shape.lines.length * style.lineHeight }
}

/**
 * A scene with a header band above the board: the case and group, the workshop, day and session,
 * any notice about the moment (a vote still open), and a legend of the zones' colours (with the
 * sides' names) and the marks on notes. PNG and SVG draw it like the rest of the scene, its text
 * as text.
 * @example framedScene(buildBoardScene(input), { title: 'Rush order — Group 1', details: 'Planning · 4 December 2026', notices: [], zoneLabels, marks })
 */
export function framedScene<
  S extends { readonly bounds: Rect; readonly groups: readonly SceneGroup[] },
>(scene: S, frame: SceneFrame): S {
  const { padding } = FRAME
  const width = Math.max(scene.bounds.width, FRAME.minWidth)
  const inner = width - 2 * padding
  const shapes: SceneShape[] = []
  let y = padding
  const title = block(frame.title, y, inner, FRAME.title, SCENE_INK.text, padding)
  shapes.push(title.shape)
  y += title.height + 4
  const details = block(frame.details, y, inner, FRAME.details, SCENE_INK.muted, padding)
  shapes.push(details.shape)
  y += details.height + 12
  for (const notice of frame.notices) {
    const text = block(notice, y + 8, inner - 32, FRAME.notice, NOTICE_INK, padding + 16)
    const height = text.height + 16
    shapes.push(
      { kind: 'rect', x: padding, y, width: inner, height, fill: NOTICE_FILL, cornerRadius: 8 },
      { kind: 'rect', x: padding, y, width: 6, height, fill: NOTICE_INK, cornerRadius: 3 },
      text.shape,
    )
    y += height + 10
  }
  y += 6
  const legend = legendShapes(frame, inner)
  shapes.push(...moved(legend.shapes, padding, y))
  y += legend.height + 12
  shapes.push({ kind: 'rect', x: padding, y, width: inner, height: 2, fill: RULE })
  const band = Math.ceil(y + 2)
  const { x: left, y: top, height } = scene.bounds
  const bounds = { x: left, y: top - band, width, height: height + band }
  return {
    ...scene,
    bounds,
    groups: [
      { x: 0, y: 0, shapes: [{ kind: 'rect', ...bounds, fill: '#ffffff' }] },
      { x: left, y: top - band, shapes },
      ...scene.groups,
    ],
  }
}
