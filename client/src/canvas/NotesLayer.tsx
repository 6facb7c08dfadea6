import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Layer } from 'react-konva'
import type { AgreementSnapshot, LinkSnapshot, NoteId, VoteTally } from '@sparboard/board-model'
import { linkScene, sceneLang, type NoteTag } from '@sparboard/board-scene'
import { BatchedNotes } from './BatchedNotes.js'
import type { ClusterFrame } from './clusterFrames.js'
import { ClusterShapes } from './ClusterShapes.js'
import type { ExpandedNote } from './expandedNote.js'
import { TEXT_MIN_SCALE } from './lod.js'
import { NoteShape } from './NoteShape.js'
import { SceneShapes } from './SceneShapes.js'
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
  /** [C35] The three best-ranked solutions, by rank. */
  readonly ranks: ReadonlyMap<NoteId, number>
  /** Notes other people have selected, outlined in their colour. */
  readonly peerSelected: ReadonlyMap<NoteId, string>
  readonly editing: NoteId | null
  readonly frames: readonly ClusterFrame[]
  /** The note drawn with its whole text, over the others. */
  readonly expanded: ExpandedNote | null
  /** [G1] [G2] [G3] Tags per note. */
  readonly tags: ReadonlyMap<string, readonly NoteTag[]>
  /** [G1] [G3] Connector lines, under the notes. */
  readonly links: readonly LinkSnapshot[]
}

/**
 * Clusters and the notes in view. Culling: only what is on screen (plus a margin) is drawn;
 * level of detail: zoomed out, all of it is one batched shape without text. The expanded note
 * is drawn last, so that nothing covers its whole text.
 */
export const NotesLayer = memo(function NotesLayer(p: NotesLayerProps) {
  const { view, tally, agreed, selected } = p
  const lang = sceneLang(useTranslation().i18n.language)
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
  const byId = useMemo(() => new Map(p.index.items.map((b) => [b.note.id, b.note])), [p.index])
  const lines = useMemo(() => linkScene(p.links, byId).shapes, [p.links, byId])
  const only = p.expanded?.id
  const showNames = view.scale > 0.12
  if (view.scale < TEXT_MIN_SCALE)
    return (
      <Layer listening={false}>
        <ClusterShapes frames={p.frames} part="frames" showNames={showNames} />
        <SceneShapes shapes={lines} />
        <BatchedNotes
          notes={still}
          selected={selected}
          voted={voted}
          agreed={agreed}
          scale={view.scale}
        />
        <ClusterShapes frames={p.frames} part="labels" showNames={showNames} />
      </Layer>
    )
  const shape = (note: (typeof still)[number]) => (
    <NoteShape
      key={note.id}
      note={note}
      lang={lang}
      votes={tally.get(note.id)}
      agreed={agreed.has(note.id)}
      selected={selected.has(note.id)}
      {...(p.ranks.has(note.id) && { rank: p.ranks.get(note.id)! })}
      expanded={note.id === only}
      {...(!selected.has(note.id) &&
        p.peerSelected.has(note.id) && { peerColor: p.peerSelected.get(note.id) })}
      editing={note.id === p.editing}
      {...(p.tags.has(note.id) && { tags: p.tags.get(note.id)! })}
    />
  )
  return (
    <Layer listening={false}>
      <ClusterShapes frames={p.frames} part="frames" showNames={showNames} />
      <SceneShapes shapes={lines} />
      {still.map((note) => note.id !== only && shape(note))}
      <ClusterShapes frames={p.frames} part="labels" showNames={showNames} />
      {still.map((note) => note.id === only && shape(note))}
    </Layer>
  )
})
