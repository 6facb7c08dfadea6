import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import type { ClusterFrame } from './clusterFrames.js'
import { BOARD_FONT_STACK } from '@sparboard/board-scene'

/** Cluster frames behind the notes, with their names; drawn only, never hit. */
export const ClusterShapes = memo(function ClusterShapes({
  frames,
  showNames,
}: {
  frames: readonly ClusterFrame[]
  showNames: boolean
}) {
  return (
    <Group listening={false}>
      {frames.map((f) => (
        <Group key={f.id} x={f.x} y={f.y}>
          <Rect
            width={f.width}
            height={f.height}
            fill="rgba(95, 61, 196, 0.06)"
            stroke="#7950f2"
            strokeWidth={2}
            dash={[12, 6]}
            cornerRadius={14}
            perfectDrawEnabled={false}
          />
          {showNames && (
            <Text
              x={16}
              y={12}
              text={f.name}
              fontFamily={BOARD_FONT_STACK}
              fontSize={22}
              fontStyle="bold"
              fill="#5f3dc4"
              wrap="none"
              perfectDrawEnabled={false}
            />
          )}
        </Group>
      ))}
    </Group>
  )
})
