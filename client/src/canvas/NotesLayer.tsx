import { memo, useMemo } from 'react'
import { Layer } from 'react-konva'
import type { AgreementSnapshot, NoteId, VoteTally } from '@sparboard/board-model'
import { BatchedNotes } from './BatchedNotes.js'
import type { ClusterFrame } from './clusterFrames.js'
import { ClusterShapes } from './ClusterShapes.js'
import { SHADOW_MAX_NOTES, TEXT_MIN_SCALE } from './lod.js'
import { NoteShape } from './NoteShape.js'
import type { SpatialIndex } from './SpatialIndex.js'
import type { NoteBox } from './useCanvasPointer.js'
import type { Viewport } from './viewport.js'

export interface NotesLayerProps {
  readonly index: SpatialIndex<NoteBox>
  readonly view: Viewport
  readonly width: number
  readonly height: number
  /** Notes drawn in the drag layer instead (mine or someone else's drag). */
  readonly moving: ReadonlySet<NoteId>
  readonly tally: ReadonlyMap<NoteId, VoteTally>
  /** The solutions that became agreements. */
  readonly agreed: ReadonlyMap<NoteId, AgreementSnapshot>
  readonly selected: ReadonlySet<NoteId>
  /** Notes other people have selected, outlined in their colour. */
  readonly peerSelected: ReadonlyMap<NoteId, string>
  readonly editing: NoteId | null
  readonly frames: readonly ClusterFrame[]
}

/**
 * Clusters and the notes in view. Culling: only what is on screen (plus a margin) is drawn;
 * level of detail: zoomed out, all of it is one batched shape without text.
 */
export const NotesLayer = memo(function NotesLayer(p: NotesLayerProps) {
  const { view, tally, agreed, selected } = p
  const margin = 100 / view.scale
  const still = p.index
    .query({
      x: -view.x / view.scale - margin,
      y: -view.y / view.scale - margin,
      width: p.width / view.scale + 2 * margin,
      height: p.height / view.scale + 2 * margin,
    })
    .flatMap((i) => (p.moving.has(i.note.id) ? [] : [i.note]))
  const voted = useMemo(() => new Set(tally.keys()), [tally])
  return (
    <Layer listening={false}>
      <ClusterShapes frames={p.frames} showNames={view.scale > 0.12} />
      {view.scale >= TEXT_MIN_SCALE ? (
        still.map((note) => (
          <NoteShape
            key={note.id}
            note={note}
            votes={tally.get(note.id)}
            agreed={agreed.has(note.id)}
            selected={selected.has(note.id)}
            {...(!selected.has(note.id) &&
              p.peerSelected.has(note.id) && { peerColor: p.peerSelected.get(note.id) })}
            editing={note.id === p.editing}
            shadow={still.length <= SHADOW_MAX_NOTES}
          />
        ))
      ) : (
        <BatchedNotes
          notes={still}
          selected={selected}
          voted={voted}
          agreed={agreed}
          scale={view.scale}
        />
      )}
    </Layer>
  )
})
