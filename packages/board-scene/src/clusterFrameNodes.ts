import Konva from 'konva'
import {
  NOTE_SIZE,
  type ClusterSnapshot,
  type NoteSnapshot,
  type Rect,
} from '@sparboard/board-model'
import { BOARD_FONT_STACK } from './boardFont.js'

// The live canvas's frame: the same padding, room for the name, and colours.
const PAD = 24
const LABEL_HEIGHT = 40

/** A dashed frame with its name around each cluster's notes; empty clusters draw nothing. */
export function clusterFrameNodes(
  clusters: readonly ClusterSnapshot[],
  notes: readonly NoteSnapshot[],
): { nodes: Konva.Group[]; frames: Rect[] } {
  const byId = new Map<string, NoteSnapshot>(notes.map((n) => [n.id, n]))
  const nodes: Konva.Group[] = []
  const frames: Rect[] = []
  for (const cluster of clusters) {
    const members = cluster.noteIds.flatMap((id) => byId.get(id) ?? [])
    if (members.length === 0) continue
    const x = Math.min(...members.map((n) => n.x)) - PAD
    const y = Math.min(...members.map((n) => n.y)) - PAD - LABEL_HEIGHT
    const width = Math.max(...members.map((n) => n.x + NOTE_SIZE.width)) + PAD - x
    const height = Math.max(...members.map((n) => n.y + NOTE_SIZE.height)) + PAD - y
    frames.push({ x, y, width, height })
    const group = new Konva.Group({ x, y, name: 'cluster' })
    group.add(
      new Konva.Rect({
        width,
        height,
        fill: 'rgba(95, 61, 196, 0.06)',
        stroke: '#7950f2',
        strokeWidth: 2,
        dash: [12, 6],
        cornerRadius: 14,
      }),
      new Konva.Text({
        x: 16,
        y: 12,
        width: width - 32,
        text: cluster.name,
        fontSize: 22,
        fontStyle: 'bold',
        fontFamily: BOARD_FONT_STACK,
        fill: '#5f3dc4',
        wrap: 'none',
        ellipsis: true,
      }),
    )
    nodes.push(group)
  }
  return { nodes, frames }
}
