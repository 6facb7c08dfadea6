import type { Context } from 'konva/lib/Context'
import { memo } from 'react'
import { Shape } from 'react-konva'
import { NOTE_SIZE, type NoteId, type NoteSnapshot } from '@sparboard/board-model'
import { AGREEMENT_MARKER_SHAPES } from '@sparboard/board-scene'
import { colorKey, NOTE_COLORS } from './noteColors.js'

export interface BatchedNotesProps {
  readonly notes: readonly NoteSnapshot[]
  readonly selected: ReadonlySet<NoteId>
  readonly voted: ReadonlySet<NoteId>
  readonly agreed: ReadonlyMap<NoteId, unknown>
  /** The zoom, so the selection outline stays 3 px on screen. */
  readonly scale: number
}

/**
 * All notes in view as one shape with one path per colour: zoomed far out, thousands of notes
 * cost a few fills instead of thousands of nodes.
 */
export const BatchedNotes = memo(function BatchedNotes({
  notes,
  selected,
  voted,
  agreed,
  scale,
}: BatchedNotesProps) {
  const sceneFunc = (ctx: Context) => {
    const c = ctx._context
    const { width, height } = NOTE_SIZE
    for (const key of Object.keys(NOTE_COLORS) as (keyof typeof NOTE_COLORS)[]) {
      c.beginPath()
      for (const n of notes) if (colorKey(n) === key) c.rect(n.x, n.y, width, height)
      c.fillStyle = NOTE_COLORS[key].fill
      c.fill()
      c.strokeStyle = NOTE_COLORS[key].stroke
      c.lineWidth = 1 / scale
      c.stroke()
    }
    if (voted.size > 0) {
      c.beginPath()
      for (const n of notes) {
        if (!voted.has(n.id)) continue
        c.moveTo(n.x + width - 10, n.y + 30)
        c.arc(n.x + width - 30, n.y + 30, 20, 0, 2 * Math.PI)
      }
      c.fillStyle = '#34495e'
      c.fill()
    }
    // Where the agreement marker sits close up, a disc as large as the votes' is.
    if (agreed.size > 0) {
      c.beginPath()
      for (const n of notes) {
        if (!agreed.has(n.id)) continue
        c.moveTo(n.x + width - 10, n.y + height - 30)
        c.arc(n.x + width - 30, n.y + height - 30, 20, 0, 2 * Math.PI)
      }
      c.fillStyle = AGREEMENT_MARKER_SHAPES.seal.fill
      c.fill()
    }
    if (selected.size > 0) {
      c.beginPath()
      for (const n of notes) if (selected.has(n.id)) c.rect(n.x, n.y, width, height)
      c.strokeStyle = '#2f6fdf'
      c.lineWidth = 3 / scale
      c.stroke()
    }
  }
  return <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
})
