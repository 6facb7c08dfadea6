import {
  agreementBySolution,
  boardZones,
  type AgreementSnapshot,
  type ClusterSnapshot,
  type LinkSnapshot,
  type NoteSnapshot,
  type Rect,
} from '@sparboard/board-model'
import { clusterFrames, clusterScene } from './clusterFrame.js'
import { linkScene, type NoteTag } from './methodMarks.js'
import type { SceneLang } from './hyphenation.js'
import { noteScene, topSolutions } from './noteScene.js'
import { sceneBounds, unionBounds } from './sceneBounds.js'
import type { SceneGroup } from './sceneShapes.js'
import { zoneScene } from './zoneScene.js'

export interface BoardSceneInput {
  readonly notes: readonly NoteSnapshot[]
  /** One label per zone, in the order of ZONES (each zone grown to its notes, [L3]). */
  readonly zoneLabels: readonly string[]
  /** Long words break at syllables of this language (the workshop's); English if left out. */
  readonly lang?: SceneLang
  /** Votes per note id; a note with votes gets a pill. */
  readonly votes?: ReadonlyMap<string, number>
  /** Drawn as frames around their notes, as on the canvas. */
  readonly clusters?: readonly ClusterSnapshot[]
  /** The solutions they name carry the agreement marker, as on the canvas. */
  readonly agreements?: readonly AgreementSnapshot[]
  /** Connector lines from solutions and positions to interests ([G1], [G3]). */
  readonly links?: readonly LinkSnapshot[]
  /** Tags per note id (see `methodTags`). */
  readonly tags?: ReadonlyMap<string, readonly NoteTag[]>
  /** Export only these notes, cropped to them (the canvas's selection). */
  readonly only?: ReadonlySet<string>
}

/** How a whole board looks: groups of shapes in drawing order, and what an image of it shows. */
export interface BoardScene {
  readonly bounds: Rect
  readonly groups: readonly SceneGroup[]
}

/**
 * The board as a plain scene: background, zones, cluster frames, notes, then any cluster name
 * that had no free spot. Exports draw it with `konvaLayer` or `sceneToSvg`; the live canvas draws
 * the same zones, frames and notes one by one.
 * @example const scene = buildBoardScene({ notes, zoneLabels, lang: 'nl' }); konvaLayer(scene).toCanvas({ ...scene.bounds, pixelRatio: 2 })
 */
export function buildBoardScene(input: BoardSceneInput): BoardScene {
  const lang = input.lang ?? 'en'
  const notes = input.only ? input.notes.filter((n) => input.only!.has(n.id)) : input.notes
  const frames = clusterFrames(input.clusters ?? [], notes)
  const clusters = frames.map(clusterScene)
  const bounds = unionBounds(sceneBounds(notes, !input.only), [
    ...frames.map((f) => f.bounds),
    ...frames.map((f) => f.label),
  ])
  const agreed = agreementBySolution(input.agreements ?? [])
  // [C35] the three best-ranked solutions carry their rank, on the canvas and in every export
  const ranks = topSolutions(input.notes, input.votes ?? new Map())
  const groups: SceneGroup[] = [
    { x: 0, y: 0, shapes: [{ kind: 'rect', ...bounds, fill: '#ffffff' }] },
    ...boardZones(input.notes).map((zone, i) => zoneScene(zone, input.zoneLabels[i] ?? '')),
    ...clusters.map((c) => c.frame),
    linkScene(input.links ?? [], new Map(notes.map((n) => [n.id, n]))),
    ...notes.map((note) =>
      noteScene(note, {
        lang,
        votes: input.votes?.get(note.id) ?? 0,
        agreed: agreed.has(note.id),
        ...(ranks.has(note.id) && { rank: ranks.get(note.id)! }),
        ...(input.tags?.has(note.id) && { tags: input.tags.get(note.id)! }),
      }),
    ),
    ...clusters.flatMap((c) => (c.label.shapes.length > 0 ? [c.label] : [])),
  ]
  return { bounds, groups }
}
