import Konva from 'konva'
import type { ClusterSnapshot, NoteSnapshot, Rect } from '@sparboard/board-model'
import { BOARD_FONT_STACK } from './boardFont.js'
import { CLUSTER_STYLE, clusterFrameRect } from './clusterFrame.js'

/** A dashed frame with its name around each cluster's notes; empty clusters draw nothing. */
export function clusterFrameNodes(
  clusters: readonly ClusterSnapshot[],
  notes: readonly NoteSnapshot[],
): { nodes: Konva.Group[]; frames: Rect[] } {
  const byId = new Map<string, NoteSnapshot>(notes.map((n) => [n.id, n]))
  const nodes: Konva.Group[] = []
  const frames: Rect[] = []
  for (const cluster of clusters) {
    const frame = clusterFrameRect(cluster.noteIds.flatMap((id) => byId.get(id) ?? []))
    if (!frame) continue
    const { x, y, width, height } = frame
    frames.push({ x, y, width, height })
    const name = frame.nameAt
    const group = new Konva.Group({ x, y, name: 'cluster' })
    group.add(
      new Konva.Rect({
        width,
        height,
        fill: CLUSTER_STYLE.fill,
        stroke: CLUSTER_STYLE.stroke,
        strokeWidth: CLUSTER_STYLE.strokeWidth,
        dash: [...CLUSTER_STYLE.dash],
        cornerRadius: CLUSTER_STYLE.cornerRadius,
      }),
      new Konva.Text({
        ...name,
        width: width - 2 * name.x,
        text: cluster.name,
        fontSize: CLUSTER_STYLE.nameSize,
        fontStyle: 'bold',
        fontFamily: BOARD_FONT_STACK,
        fill: CLUSTER_STYLE.nameColor,
        wrap: 'none',
        ellipsis: true,
      }),
    )
    nodes.push(group)
  }
  return { nodes, frames }
}
