import type { Context } from 'konva/lib/Context'
import { memo } from 'react'
import { Shape } from 'react-konva'
import { NOTE_SIZE, type NoteId, type NoteSnapshot } from '@sparboard/board-model'
import {
  AGREEMENT_MARKER,
  AGREEMENT_MARKER_SHAPES,
  SCENE_COLORS,
  SCENE_INK,
  sceneColorKey,
  votePill,
  type SceneColorKey,
} from '@sparboard/board-scene'

export interface BatchedNotesProps {
  readonly notes: readonly NoteSnapshot[]
  readonly selected: ReadonlySet<NoteId>
  readonly voted: ReadonlySet<NoteId>
  readonly agreed: ReadonlyMap<NoteId, unknown>
  /** The zoom, so the selection outline stays 3 px on screen. */
  readonly scale: number
}

const KEYS = Object.keys(SCENE_COLORS) as SceneColorKey[]

/**
 * All notes in view as one shape with one path per colour: zoomed far out, thousands of notes
 * cost a few fills instead of thousands of nodes. Colours, pill and marker are the scene's,
 * without their detail.
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
    for (const key of KEYS) {
      c.beginPath()
      for (const n of notes) if (sceneColorKey(n) === key) c.rect(n.x, n.y, width, height)
      c.fillStyle = SCENE_COLORS[key].fill
      c.fill()
      c.strokeStyle = SCENE_COLORS[key].stroke
      c.lineWidth = 1 / scale
      c.stroke()
    }
    if (voted.size > 0) {
      c.beginPath()
      for (const n of notes) {
        if (!voted.has(n.id)) continue
        const pill = votePill(agreed.has(n.id))
        c.rect(n.x + pill.x, n.y + pill.y, pill.width, pill.height)
      }
      c.fillStyle = SCENE_INK.vote
      c.fill()
    }
    if (agreed.size > 0) {
      const m = AGREEMENT_MARKER
      c.beginPath()
      for (const n of notes) if (agreed.has(n.id)) c.rect(n.x + m.x, n.y + m.y, m.size, m.size)
      c.fillStyle = AGREEMENT_MARKER_SHAPES.seal.fill
      c.fill()
    }
    if (selected.size > 0) {
      c.beginPath()
      for (const n of notes) if (selected.has(n.id)) c.rect(n.x, n.y, width, height)
      c.strokeStyle = SCENE_INK.selection
      c.lineWidth = 3 / scale
      c.stroke()
    }
  }
  return <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
})
