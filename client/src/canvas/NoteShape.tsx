import { memo, useMemo } from 'react'
import { Group } from 'react-konva'
import type { NoteSnapshot, VoteTally } from '@sparboard/board-model'
import { noteScene, SCENE_INK, type NoteTag, type SceneLang } from '@sparboard/board-scene'
import { SceneShapes } from './SceneShapes.js'

export interface NoteShapeProps {
  readonly note: NoteSnapshot
  readonly lang: SceneLang
  readonly votes: VoteTally | undefined
  /** A solution that became an agreement: it carries the agreement marker. */
  readonly agreed: boolean
  readonly selected: boolean
  /** Drawn as tall as its whole text takes (the one selected note). */
  readonly expanded?: boolean
  readonly editing: boolean
  /** Outline colour of someone else dragging or selecting this note. */
  readonly peerColor?: string
  /** [C35] One of the three best-ranked solutions: its rank. */
  readonly rank?: number
  /** [G1] [G2] [G3] Tags over the top edge. */
  readonly tags?: readonly NoteTag[]
  readonly dx?: number
  readonly dy?: number
}

/**
 * One sticky note as the board scene describes it, drawn only: hit testing goes through the
 * canvas' spatial index, so nothing here listens. Memoised: a change to one note re-renders
 * only that note.
 */
export const NoteShape = memo(function NoteShape(props: NoteShapeProps) {
  const { note, lang, votes, agreed, selected, expanded, editing, peerColor } = props
  const total = votes?.total ?? 0
  const mine = (votes?.mine ?? 0) > 0
  const outline = peerColor ?? (selected ? SCENE_INK.selection : undefined)
  const scene = useMemo(
    () =>
      noteScene(note, {
        lang,
        votes: total,
        mine,
        agreed,
        ...(outline && { outline }),
        expanded: expanded ?? false,
        hideText: editing,
        ...(props.rank !== undefined && { rank: props.rank }),
        ...(props.tags && { tags: props.tags }),
      }),
    [note, lang, total, mine, agreed, outline, expanded, editing, props.rank, props.tags],
  )
  return (
    <Group x={note.x + (props.dx ?? 0)} y={note.y + (props.dy ?? 0)} listening={false}>
      <SceneShapes shapes={scene.shapes} />
    </Group>
  )
})
