import type { KonvaEventObject } from 'konva/lib/Node'
import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import { NOTE_SIZE, type NoteSnapshot } from '@sparboard/board-model'
import { colorKey, NOTE_COLORS } from './noteColors.js'

export interface NoteShapeProps {
  readonly note: NoteSnapshot
  readonly selected: boolean
  readonly editing: boolean
  readonly draggable: boolean
  readonly onSelect: (id: NoteSnapshot['id']) => void
  readonly onEdit: (id: NoteSnapshot['id']) => void
  readonly onDrop: (id: NoteSnapshot['id'], x: number, y: number) => void
}

/** One sticky note. Memoised: a change to one note re-renders only that note. */
export const NoteShape = memo(function NoteShape(props: NoteShapeProps) {
  const { note, selected, editing, draggable } = props
  const color = NOTE_COLORS[colorKey(note)]
  return (
    <Group
      x={note.x}
      y={note.y}
      draggable={draggable}
      onMouseDown={() => props.onSelect(note.id)}
      onTap={() => props.onSelect(note.id)}
      onDblClick={(e: KonvaEventObject<MouseEvent>) => {
        e.cancelBubble = true
        props.onEdit(note.id)
      }}
      onDblTap={() => props.onEdit(note.id)}
      onDragEnd={(e) => props.onDrop(note.id, e.target.x(), e.target.y())}
      name="note"
      id={note.id}
    >
      <Rect
        width={NOTE_SIZE.width}
        height={NOTE_SIZE.height}
        fill={color.fill}
        cornerRadius={6}
        shadowColor="#1b2a3a"
        shadowOpacity={0.18}
        shadowBlur={8}
        shadowOffsetY={3}
        stroke={selected ? '#2f6fdf' : color.stroke}
        strokeWidth={selected ? 3 : 1}
      />
      {!editing && (
        <Text
          x={12}
          y={12}
          width={NOTE_SIZE.width - 24}
          height={NOTE_SIZE.height - 36}
          text={note.text}
          fontSize={19}
          lineHeight={1.25}
          fill="#1f2d3d"
          ellipsis
          listening={false}
        />
      )}
      <Text
        x={12}
        y={NOTE_SIZE.height - 22}
        width={NOTE_SIZE.width - 24}
        text={note.author}
        fontSize={12}
        fill="#5b6b7b"
        wrap="none"
        ellipsis
        listening={false}
      />
    </Group>
  )
})
