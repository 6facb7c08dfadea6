import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import type { ClusterFrame } from './clusterFrames.js'
import { BOARD_FONT_STACK, CLUSTER_STYLE } from '@sparboard/board-scene'

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
            fill={CLUSTER_STYLE.fill}
            stroke={CLUSTER_STYLE.stroke}
            strokeWidth={CLUSTER_STYLE.strokeWidth}
            dash={[...CLUSTER_STYLE.dash]}
            cornerRadius={CLUSTER_STYLE.cornerRadius}
            perfectDrawEnabled={false}
          />
          {showNames && (
            <Text
              x={f.nameAt.x}
              y={f.nameAt.y}
              width={f.width - 2 * f.nameAt.x}
              text={f.name}
              fontFamily={BOARD_FONT_STACK}
              fontSize={CLUSTER_STYLE.nameSize}
              fontStyle="bold"
              fill={CLUSTER_STYLE.nameColor}
              wrap="none"
              ellipsis
              perfectDrawEnabled={false}
            />
          )}
        </Group>
      ))}
    </Group>
  )
})
