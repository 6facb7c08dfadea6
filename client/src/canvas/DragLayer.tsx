import { useTranslation } from 'react-i18next'
import { Layer, Rect } from 'react-konva'
import type {
  AgreementSnapshot,
  NoteId,
  NoteSnapshot,
  Rect as Box,
  VoteTally,
} from '@sparboard/board-model'
import { sceneLang, SCENE_INK } from '@sparboard/board-scene'
import type { PeerDrag } from '../sync/usePeerMarks.js'
import { NoteShape } from './NoteShape.js'
import type { DragState } from './useCanvasPointer.js'

/**
 * What moves while the pointer moves: my dragged notes, other people's drags (outlined in their
 * colour) and the rubber band. Its own layer, so a drag redraws only this.
 */
export function DragLayer({
  drag,
  remote,
  band,
  notesById,
  tally,
  agreed,
  scale,
}: {
  drag: DragState | null
  remote: readonly PeerDrag[]
  band: Box | null
  notesById: ReadonlyMap<NoteId, NoteSnapshot>
  tally: ReadonlyMap<NoteId, VoteTally>
  agreed: ReadonlyMap<NoteId, AgreementSnapshot>
  scale: number
}) {
  const lang = sceneLang(useTranslation().i18n.language)
  const shape = (id: NoteId, dx: number, dy: number, key: string, peerColor?: string) => {
    const note = notesById.get(id)
    if (!note) return null
    const votes = tally.get(id)
    return (
      <NoteShape
        key={key}
        note={note}
        lang={lang}
        votes={votes}
        agreed={agreed.has(id)}
        selected={!peerColor}
        editing={false}
        dx={dx}
        dy={dy}
        {...(peerColor && { peerColor })}
      />
    )
  }
  return (
    <Layer listening={false}>
      {remote.map((d) => shape(d.id, d.dx, d.dy, `r${d.id}`, d.color))}
      {drag?.ids.map((id) => shape(id, drag.dx, drag.dy, id))}
      {band && (
        <Rect
          {...band}
          fill="rgba(47, 111, 223, 0.08)"
          stroke={SCENE_INK.selection}
          strokeWidth={1 / scale}
        />
      )}
    </Layer>
  )
}
