import {
  NOTE_SIZE,
  type ClusterSnapshot,
  type NoteId,
  type NoteSnapshot,
  type Rect,
} from '@sparboard/board-model'

export interface ClusterFrame extends Rect {
  readonly id: ClusterSnapshot['id']
  readonly name: string
  /** Where the name is drawn (and double-clicked to rename). */
  readonly label: Rect
}

const PAD = 24
const LABEL_HEIGHT = 40

/** A frame around each cluster's notes, with room for its name on top. */
export function clusterFrames(
  clusters: readonly ClusterSnapshot[],
  notesById: ReadonlyMap<NoteId, NoteSnapshot>,
): ClusterFrame[] {
  return clusters.flatMap((cluster) => {
    const notes = cluster.noteIds.flatMap((id) => notesById.get(id) ?? [])
    if (notes.length === 0) return []
    const x1 = Math.min(...notes.map((n) => n.x)) - PAD
    const y1 = Math.min(...notes.map((n) => n.y)) - PAD - LABEL_HEIGHT
    const x2 = Math.max(...notes.map((n) => n.x + NOTE_SIZE.width)) + PAD
    const y2 = Math.max(...notes.map((n) => n.y + NOTE_SIZE.height)) + PAD
    return [
      {
        id: cluster.id,
        name: cluster.name,
        x: x1,
        y: y1,
        width: x2 - x1,
        height: y2 - y1,
        label: { x: x1, y: y1, width: x2 - x1, height: LABEL_HEIGHT + PAD / 2 },
      },
    ]
  })
}

/** The cluster whose name is drawn at a world point, if any. */
export const clusterLabelAt = (frames: readonly ClusterFrame[], x: number, y: number) =>
  frames.find(
    ({ label: l }) => x >= l.x && x <= l.x + l.width && y >= l.y && y <= l.y + l.height,
  ) ?? null
