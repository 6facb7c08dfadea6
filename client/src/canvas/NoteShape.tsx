import { memo } from 'react'
import { Circle, Group, Path, Rect, Text } from 'react-konva'
import { NOTE_SIZE, type NoteSnapshot, type VoteTally } from '@sparboard/board-model'
import { AGREEMENT_MARKER, AGREEMENT_MARKER_SHAPES, BOARD_FONT_STACK } from '@sparboard/board-scene'
import { fitFontSize, VOTE_BADGE } from './lod.js'
import { colorKey, NOTE_COLORS } from './noteColors.js'

export interface NoteShapeProps {
  readonly note: NoteSnapshot
  readonly votes: VoteTally | undefined
  /** A solution that became an agreement: it carries the agreement marker. */
  readonly agreed: boolean
  readonly selected: boolean
  readonly editing: boolean
  readonly shadow: boolean
  /** Outline colour of someone else dragging this note. */
  readonly peerColor?: string
  readonly dx?: number
  readonly dy?: number
}

/**
 * One sticky note, drawn only: hit testing goes through the canvas' spatial index, so nothing
 * here listens. Memoised: a change to one note re-renders only that note.
 */
export const NoteShape = memo(function NoteShape(props: NoteShapeProps) {
  const { note, votes, agreed, selected, editing, shadow, peerColor } = props
  const color = NOTE_COLORS[colorKey(note)]
  return (
    <Group x={note.x + (props.dx ?? 0)} y={note.y + (props.dy ?? 0)} listening={false}>
      <Rect
        width={NOTE_SIZE.width}
        height={NOTE_SIZE.height}
        fill={color.fill}
        cornerRadius={6}
        shadowEnabled={shadow}
        shadowColor="#1b2a3a"
        shadowOpacity={0.18}
        shadowBlur={8}
        shadowOffsetY={3}
        shadowForStrokeEnabled={false}
        stroke={peerColor ?? (selected ? '#2f6fdf' : color.stroke)}
        strokeWidth={selected || peerColor ? 3 : 1}
        perfectDrawEnabled={false}
      />
      {!editing && (
        <Text
          x={12}
          y={12}
          width={NOTE_SIZE.width - 24 - (votes ? 24 : 0)}
          height={NOTE_SIZE.height - 36}
          text={note.text}
          fontFamily={BOARD_FONT_STACK}
          fontSize={fitFontSize(note.text)}
          lineHeight={1.25}
          fill="#1f2d3d"
          ellipsis
          perfectDrawEnabled={false}
        />
      )}
      <Text
        x={12}
        y={NOTE_SIZE.height - 22}
        width={NOTE_SIZE.width - 24 - (agreed ? AGREEMENT_MARKER.room : 0)}
        text={note.author}
        fontFamily={BOARD_FONT_STACK}
        fontSize={12}
        fill="#5b6b7b"
        wrap="none"
        ellipsis
        perfectDrawEnabled={false}
      />
      {votes && votes.total > 0 && (
        <Group x={VOTE_BADGE.x} y={VOTE_BADGE.y}>
          <Circle
            radius={VOTE_BADGE.r}
            fill={votes.mine > 0 ? '#2f6fdf' : '#34495e'}
            stroke="#fff"
            strokeWidth={2}
            perfectDrawEnabled={false}
          />
          <Text
            x={-VOTE_BADGE.r}
            y={-8}
            width={2 * VOTE_BADGE.r}
            align="center"
            text={String(votes.total)}
            fontFamily={BOARD_FONT_STACK}
            fontSize={16}
            fontStyle="bold"
            fill="#fff"
            perfectDrawEnabled={false}
          />
        </Group>
      )}
      {agreed && (
        <>
          <Rect {...AGREEMENT_MARKER_SHAPES.seal} perfectDrawEnabled={false} />
          <Path {...AGREEMENT_MARKER_SHAPES.check} perfectDrawEnabled={false} />
        </>
      )}
    </Group>
  )
})
