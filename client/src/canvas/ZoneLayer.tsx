import { memo } from 'react'
import { Layer, Rect, Text } from 'react-konva'
import { ZONES } from '@sparboard/board-model'
import { colorKey, NOTE_COLORS } from './noteColors.js'
import { BOARD_FONT_STACK } from '@sparboard/board-scene'

/** The case template's zones; nothing here listens, so clicks fall through to the stage. */
export const ZoneLayer = memo(function ZoneLayer({ labels }: { labels: readonly string[] }) {
  return (
    <Layer listening={false}>
      {ZONES.map((zone, i) => {
        const color = NOTE_COLORS[colorKey(zone)]
        return [
          <Rect
            key={`r${i}`}
            x={zone.x}
            y={zone.y}
            width={zone.width}
            height={zone.height}
            fill={color.zone}
            stroke={color.stroke}
            strokeWidth={2}
            dash={[10, 6]}
            cornerRadius={16}
          />,
          <Text
            key={`t${i}`}
            x={zone.x + 24}
            y={zone.y + 20}
            text={labels[i] ?? ''}
            fontFamily={BOARD_FONT_STACK}
            fontSize={30}
            fontStyle="bold"
            fill="#34495e"
            width={zone.width - 48}
            ellipsis
            wrap="none"
          />,
        ]
      })}
    </Layer>
  )
})
