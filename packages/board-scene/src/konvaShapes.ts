import Konva from 'konva'
import type { Context } from 'konva/lib/Context'
import { BASELINE_BELOW_MIDDLE, cssFont } from './boardFont.js'
import type { Rect } from '@sparboard/board-model'
import type { SceneGroup, SceneShape, SceneText } from './sceneShapes.js'

/** A scene shape as the Konva class and config that draw it; react-konva takes the same. */
export type KonvaShape =
  | { readonly type: 'Rect'; readonly config: Konva.RectConfig }
  | { readonly type: 'Path'; readonly config: Konva.PathConfig }
  | { readonly type: 'Shape'; readonly config: Konva.ShapeConfig }

/** Where line `i` of a text has its baseline, relative to the text's top. */
export const baselineOf = (text: SceneText, i: number) =>
  i * text.lineHeight + text.lineHeight / 2 + BASELINE_BELOW_MIDDLE * text.font.size

/** Writes laid-out lines as they are: no wrapping, measuring or baseline of the backend's own. */
const drawText = (text: SceneText) => (ctx: Context) => {
  ctx.setAttr('font', cssFont(text.font))
  ctx.setAttr('fillStyle', text.fill)
  ctx.setAttr('textBaseline', 'alphabetic')
  ctx.setAttr('textAlign', 'left')
  text.lines.forEach((line, i) => ctx.fillText(line.text, line.x, baselineOf(text, i)))
}

const DRAWN_ONLY = { listening: false, perfectDrawEnabled: false } as const

const configs = new WeakMap<SceneShape, KonvaShape>()

/**
 * The Konva class and config of a scene shape, the same object each time for the same shape (so
 * react-konva sees nothing changed).
 */
export function konvaShape(shape: SceneShape): KonvaShape {
  let out = configs.get(shape)
  if (out) return out
  const { x, y } = shape
  if (shape.kind === 'text') {
    out = { type: 'Shape', config: { x, y, sceneFunc: drawText(shape), ...DRAWN_ONLY } }
  } else {
    const paint = {
      x,
      y,
      ...(shape.fill && { fill: shape.fill }),
      ...(shape.stroke && { stroke: shape.stroke, strokeWidth: shape.strokeWidth ?? 1 }),
      ...(shape.dash && { dash: [...shape.dash] }),
      ...(shape.opacity !== undefined && { opacity: shape.opacity }),
      ...DRAWN_ONLY,
    }
    out =
      shape.kind === 'rect'
        ? {
            type: 'Rect',
            config: {
              ...paint,
              width: shape.width,
              height: shape.height,
              cornerRadius: shape.cornerRadius ?? 0,
            },
          }
        : {
            type: 'Path',
            config: {
              ...paint,
              data: shape.data,
              ...(shape.lineCap && { lineCap: shape.lineCap }),
              ...(shape.lineJoin && { lineJoin: shape.lineJoin }),
            },
          }
  }
  configs.set(shape, out)
  return out
}

/** A scene group as Konva nodes. */
export function konvaGroup(group: SceneGroup): Konva.Group {
  const node = new Konva.Group({ x: group.x, y: group.y, listening: false })
  for (const shape of group.shapes) {
    const { type, config } = konvaShape(shape)
    node.add(
      type === 'Rect'
        ? new Konva.Rect(config)
        : type === 'Path'
          ? new Konva.Path(config)
          : new Konva.Shape(config),
    )
  }
  return node
}

/**
 * A scene as one Konva layer, not attached to a stage: render it with
 * `layer.toCanvas({ ...bounds, pixelRatio })`.
 */
export function konvaLayer(scene: {
  readonly groups: readonly SceneGroup[]
  readonly bounds: Rect
}) {
  const layer = new Konva.Layer({ listening: false })
  for (const group of scene.groups) layer.add(konvaGroup(group))
  return layer
}
