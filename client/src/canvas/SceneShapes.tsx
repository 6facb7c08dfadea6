import { memo } from 'react'
import { Path, Rect, Shape } from 'react-konva'
import { konvaShape, type SceneShape } from '@sparboard/board-scene'

/**
 * Scene shapes drawn with the very configs the exports hand to Konva (`konvaShape`), so the
 * canvas and every export look alike.
 */
export const SceneShapes = memo(function SceneShapes({
  shapes,
}: {
  shapes: readonly SceneShape[]
}) {
  return shapes.map((shape, i) => {
    const { type, config } = konvaShape(shape)
    if (type === 'Rect') return <Rect key={i} {...config} />
    if (type === 'Path') return <Path key={i} {...config} />
    return <Shape key={i} {...config} />
  })
})
