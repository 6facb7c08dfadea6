import {
  boardZones,
  NOTE_SIZE,
  type ClusterSnapshot,
  type NoteSnapshot,
  type Rect,
} from '@sparboard/board-model'
import { measureText } from './measureText.js'
import { regionOutline, REGION_MAX_RECTS } from './regionOutline.js'
import type { SceneGroup, SceneText } from './sceneShapes.js'
import { sceneText } from './sceneText.js'
import { ZONE_LABEL } from './zoneScene.js'

/** How a cluster frame looks, on the canvas and in exports alike. */
export const CLUSTER_STYLE = {
  fill: 'rgba(95, 61, 196, 0.06)',
  stroke: '#7950f2',
  strokeWidth: 2,
  dash: [12, 6],
  cornerRadius: 14,
  nameColor: '#5f3dc4',
  nameSize: 22,
} as const

/** Around each note of the cluster. */
const PAD = 20
/** Other notes keep at least this much clear of a frame. */
const CLEAR = 6
const LABEL = { height: 32, padX: 10, maxWidth: 340, gap: 6 } as const
const NAME_FONT = { size: CLUSTER_STYLE.nameSize, bold: true } as const

/** A cluster as drawn: its outline, and its name in a spot no note covers. */
export interface ClusterFrame {
  readonly id: ClusterSnapshot['id']
  readonly name: string
  /** The frame in board coordinates, as SVG path data; one loop per part. */
  readonly outline: string
  readonly bounds: Rect
  /** The name's box (double-clicked to rename). */
  readonly label: Rect
  /** No spot was free of notes: the name is drawn over them, on its own background. */
  readonly labelOnTop: boolean
}

const noteRect = (n: Pick<NoteSnapshot, 'x' | 'y'>): Rect => ({ x: n.x, y: n.y, ...NOTE_SIZE })
const grow = (r: Rect, by: number): Rect => ({
  x: r.x - by,
  y: r.y - by,
  width: r.width + 2 * by,
  height: r.height + 2 * by,
})
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const boundsOf = (rects: readonly Rect[]): Rect => {
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  const right = Math.max(...rects.map((r) => r.x + r.width))
  const bottom = Math.max(...rects.map((r) => r.y + r.height))
  return { x, y, width: right - x, height: bottom - y }
}
/** Where the zones' labels are, the zones grown to their notes ([L3]). */
const zoneLabelBands = (notes: readonly NoteSnapshot[]): readonly Rect[] =>
  boardZones(notes).map((z) => ({ x: z.x, y: z.y, width: z.width, height: ZONE_LABEL.band }))

/** Spots for the name, best first: under the notes, then above them, left- then right-aligned. */
function labelSpots(members: readonly Rect[], width: number): Rect[] {
  const byBottom = [...members].sort((a, b) => b.y + b.height - (a.y + a.height) || a.x - b.x)
  const byTop = [...members].sort((a, b) => a.y - b.y || a.x - b.x)
  const at = (x: number, y: number): Rect => ({ x, y, width, height: LABEL.height })
  return [
    ...byBottom.flatMap((m) => [
      at(m.x, m.y + m.height + LABEL.gap),
      at(m.x + m.width - width, m.y + m.height + LABEL.gap),
    ]),
    ...byTop.flatMap((m) => [
      at(m.x, m.y - LABEL.gap - LABEL.height),
      at(m.x + m.width - width, m.y - LABEL.gap - LABEL.height),
    ]),
  ]
}

function frameOf(
  cluster: ClusterSnapshot,
  members: Rect[],
  near: Rect[],
  measure: typeof measureText,
  bands: readonly Rect[],
): ClusterFrame {
  const width = Math.min(
    LABEL.maxWidth,
    Math.ceil(measure(cluster.name, NAME_FONT)) + 2 * LABEL.padX,
  )
  const spot = labelSpots(members, width).find(
    (s) =>
      !near.some((n) => overlaps(grow(s, CLEAR), n)) &&
      !members.some((n) => overlaps(grow(s, CLEAR), n)) &&
      !bands.some((z) => overlaps(s, z)),
  )
  const label = spot ?? labelSpots(members, width)[0]!
  const include = [...members.map((m) => grow(m, PAD)), ...(spot ? [grow(spot, CLEAR)] : [])]
  const exclude = near.map((n) => grow(n, CLEAR))
  const fits = include.length + exclude.length <= REGION_MAX_RECTS
  const outline = fits
    ? regionOutline(include, exclude, CLUSTER_STYLE.cornerRadius)
    : boxPath(boundsOf(include))
  return {
    id: cluster.id,
    name: cluster.name,
    outline,
    bounds: boundsOf(include),
    label,
    labelOnTop: !spot,
  }
}

/** The name in its box, one line, cut with an ellipsis where it is longer than the box. */
export function nameText(name: string, x: number, y: number): SceneText {
  return sceneText(name, {
    x: x + LABEL.padX,
    y: y + (LABEL.height - NAME_FONT.size) / 2,
    width: LABEL.maxWidth - 2 * LABEL.padX,
    font: NAME_FONT,
    fill: CLUSTER_STYLE.nameColor,
    maxLines: 1,
  })
}

const boxPath = (r: Rect) =>
  `M${r.x} ${r.y}L${r.x + r.width} ${r.y}L${r.x + r.width} ${r.y + r.height}L${r.x} ${r.y + r.height}Z`

/**
 * A frame for each cluster shaped to its own notes (padded note rectangles joined, other notes
 * cut out), and its name where no note of the board covers it: under the notes, else above.
 * Clusters whose notes are all gone draw nothing.
 */
export function clusterFrames(
  clusters: readonly ClusterSnapshot[],
  notes: readonly NoteSnapshot[],
  measure = measureText,
): ClusterFrame[] {
  const byId = new Map(notes.map((n) => [n.id, n]))
  const bands = clusters.length > 0 ? zoneLabelBands(notes) : []
  return clusters.flatMap((cluster) => {
    const ids = new Set(cluster.noteIds)
    const members = cluster.noteIds.flatMap((id) => {
      const n = byId.get(id)
      return n ? [noteRect(n)] : []
    })
    if (members.length === 0) return []
    // Other notes that could touch the frame or a spot for its name.
    const reach = grow(boundsOf(members), PAD + LABEL.gap + LABEL.height + CLEAR)
    const near = notes
      .flatMap((n) => (ids.has(n.id) ? [] : [noteRect(n)]))
      .filter((r) => overlaps(r, grow(reach, LABEL.maxWidth)))
    return [frameOf(cluster, members, near, measure, bands)]
  })
}

/** The frame and its name as shapes, in board coordinates; an on-top name comes apart. */
export function clusterScene(frame: ClusterFrame): { frame: SceneGroup; label: SceneGroup } {
  const name = nameText(frame.name, frame.label.x, frame.label.y)
  return {
    frame: {
      x: 0,
      y: 0,
      shapes: [
        {
          kind: 'path',
          x: 0,
          y: 0,
          data: frame.outline,
          fill: CLUSTER_STYLE.fill,
          stroke: CLUSTER_STYLE.stroke,
          strokeWidth: CLUSTER_STYLE.strokeWidth,
          dash: CLUSTER_STYLE.dash,
        },
        ...(frame.labelOnTop ? [] : [name]),
      ],
    },
    label: {
      x: 0,
      y: 0,
      shapes: frame.labelOnTop
        ? [
            {
              kind: 'rect',
              ...frame.label,
              fill: '#ffffff',
              stroke: CLUSTER_STYLE.stroke,
              strokeWidth: CLUSTER_STYLE.strokeWidth,
              cornerRadius: LABEL.height / 2,
            },
            name,
          ]
        : [],
    },
  }
}
