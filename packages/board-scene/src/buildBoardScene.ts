import Konva from 'konva'
import {
  agreementBySolution,
  NOTE_SIZE,
  ZONES,
  type AgreementSnapshot,
  type ClusterSnapshot,
  type NoteSnapshot,
  type Rect,
} from '@sparboard/board-model'
import { AGREEMENT_MARKER, agreementMarkerNodes } from './agreementMarker.js'
import { BOARD_FONT_STACK } from './boardFont.js'
import { SCENE_COLORS, SCENE_INK, sceneColorKey } from './sceneColors.js'
import { clusterFrameNodes } from './clusterFrameNodes.js'
import { sceneBounds, unionBounds } from './sceneBounds.js'

export interface BoardSceneInput {
  readonly notes: readonly NoteSnapshot[]
  /** One label per zone, in the order of ZONES. */
  readonly zoneLabels: readonly string[]
  /** Votes per note id; a note with votes gets a badge. */
  readonly votes?: ReadonlyMap<string, number>
  /** Drawn as named frames around their notes, as on the canvas. */
  readonly clusters?: readonly ClusterSnapshot[]
  /** The solutions they name carry the agreement marker, as on the canvas. */
  readonly agreements?: readonly AgreementSnapshot[]
  /** Export only these notes, cropped to them (the canvas's selection). */
  readonly only?: ReadonlySet<string>
}

export interface BoardScene {
  /** Not attached to a stage: render it with `layer.toCanvas({ ...bounds, pixelRatio })`. */
  readonly layer: Konva.Layer
  readonly bounds: Rect
}

function zoneNodes(zone: (typeof ZONES)[number], label: string): Konva.Shape[] {
  const color = SCENE_COLORS[sceneColorKey(zone)]
  return [
    new Konva.Rect({
      x: zone.x,
      y: zone.y,
      width: zone.width,
      height: zone.height,
      fill: color.zone,
      stroke: color.stroke,
      strokeWidth: 2,
      dash: [10, 6],
      cornerRadius: 16,
    }),
    new Konva.Text({
      x: zone.x + 24,
      y: zone.y + 20,
      width: zone.width - 48,
      text: label,
      fontSize: 30,
      fontStyle: 'bold',
      fontFamily: BOARD_FONT_STACK,
      fill: SCENE_INK.label,
      wrap: 'none',
      ellipsis: true,
      name: 'zone-label',
    }),
  ]
}

const SHADOW = {
  x: 0,
  width: NOTE_SIZE.width,
  height: NOTE_SIZE.height,
  fill: '#1b2a3a',
  cornerRadius: 6,
} as const

function noteGroup(note: NoteSnapshot, votes: number, agreed: boolean): Konva.Group {
  // The vote pill sits left of the agreement marker, in the corner otherwise.
  const marker = agreed ? AGREEMENT_MARKER.room : 0
  const color = SCENE_COLORS[sceneColorKey(note)]
  const group = new Konva.Group({ x: note.x, y: note.y, id: note.id, name: 'note' })
  group.add(
    // A blurred canvas shadow costs ~10 ms per note in a CPU rasteriser; two soft offset
    // rectangles look alike at export sizes and cost next to nothing.
    new Konva.Rect({ ...SHADOW, y: 2, opacity: 0.06, cornerRadius: 8 }),
    new Konva.Rect({ ...SHADOW, y: 3, opacity: 0.08 }),
    new Konva.Rect({
      width: NOTE_SIZE.width,
      height: NOTE_SIZE.height,
      fill: color.fill,
      cornerRadius: 6,
      stroke: color.stroke,
      strokeWidth: 1,
    }),
    new Konva.Text({
      x: 12,
      y: 12,
      width: NOTE_SIZE.width - 24,
      height: NOTE_SIZE.height - 36,
      text: note.text,
      fontSize: 19,
      lineHeight: 1.25,
      fontFamily: BOARD_FONT_STACK,
      fill: SCENE_INK.text,
      ellipsis: true,
      name: 'note-text',
    }),
    new Konva.Text({
      x: 12,
      y: NOTE_SIZE.height - 22,
      width: NOTE_SIZE.width - 24 - (votes > 0 ? 40 : 0) - marker,
      text: note.author,
      fontSize: 12,
      fontFamily: BOARD_FONT_STACK,
      fill: SCENE_INK.muted,
      wrap: 'none',
      ellipsis: true,
    }),
  )
  if (votes > 0) {
    // The pill at the end of the author's line: a dot, then the count.
    const pill = { x: NOTE_SIZE.width - 46 - marker, y: NOTE_SIZE.height - 28 }
    group.add(
      new Konva.Rect({ ...pill, width: 36, height: 20, cornerRadius: 10, fill: SCENE_INK.vote }),
      // The dot is a shape, not a "●": the glyph came from whichever font the SVG viewer had.
      new Konva.Rect({
        x: pill.x + 8,
        y: pill.y + 6.5,
        width: 7,
        height: 7,
        cornerRadius: 3.5,
        fill: '#ffffff',
      }),
      new Konva.Text({
        x: pill.x + 16,
        y: pill.y + 4,
        width: 18,
        align: 'center',
        text: String(votes),
        fontSize: 12,
        fontStyle: 'bold',
        fontFamily: BOARD_FONT_STACK,
        fill: '#ffffff',
        wrap: 'none',
      }),
    )
  }
  if (agreed) group.add(...agreementMarkerNodes())
  return group
}

/**
 * Builds the board as Konva nodes, the same on the server (any canvas backend) and in the browser.
 * @example const { layer, bounds } = buildBoardScene({ notes, zoneLabels }); layer.toCanvas({ ...bounds, pixelRatio: 2 })
 */
export function buildBoardScene(input: BoardSceneInput): BoardScene {
  const notes = input.only ? input.notes.filter((n) => input.only!.has(n.id)) : input.notes
  const clusters = clusterFrameNodes(input.clusters ?? [], notes)
  const bounds = unionBounds(sceneBounds(notes, !input.only), clusters.frames)
  const layer = new Konva.Layer({ listening: false })
  layer.add(new Konva.Rect({ ...bounds, fill: '#ffffff', name: 'background' }))
  ZONES.forEach((zone, i) => layer.add(...zoneNodes(zone, input.zoneLabels[i] ?? '')))
  if (clusters.nodes.length) layer.add(...clusters.nodes)
  const agreed = agreementBySolution(input.agreements ?? [])
  for (const note of notes)
    layer.add(noteGroup(note, input.votes?.get(note.id) ?? 0, agreed.has(note.id)))
  return { layer, bounds }
}
