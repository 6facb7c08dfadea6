import type { ClusterSnapshot, NoteId, NoteSnapshot, Rect } from '@sparboard/board-model'
import { clusterFrameRect } from '@sparboard/board-scene'

export interface ClusterFrame extends Rect {
  readonly id: ClusterSnapshot['id']
  readonly name: string
  /** Where the name is drawn (and double-clicked to rename). */
  readonly label: Rect
  /** Where the name's text starts, relative to the frame. */
  readonly nameAt: { readonly x: number; readonly y: number }
}

/** A frame around each cluster's notes, with its name in a band under them (as exports draw). */
export function clusterFrames(
  clusters: readonly ClusterSnapshot[],
  notesById: ReadonlyMap<NoteId, NoteSnapshot>,
): ClusterFrame[] {
  return clusters.flatMap((cluster) => {
    const frame = clusterFrameRect(cluster.noteIds.flatMap((id) => notesById.get(id) ?? []))
    if (!frame) return []
    const { x, y, width, height, nameBand, nameAt } = frame
    return [{ id: cluster.id, name: cluster.name, x, y, width, height, label: nameBand, nameAt }]
  })
}

/** The cluster whose name is drawn at a world point, if any. */
export const clusterLabelAt = (frames: readonly ClusterFrame[], x: number, y: number) =>
  frames.find(
    ({ label: l }) => x >= l.x && x <= l.x + l.width && y >= l.y && y <= l.y + l.height,
  ) ?? null
