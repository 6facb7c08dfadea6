import type { ClusterSnapshot, NoteId, NoteSnapshot } from '@sparboard/board-model'
import { clusterFrames as sceneFrames, type ClusterFrame } from '@sparboard/board-scene'

export type { ClusterFrame }

/** Each cluster's frame, shaped to its notes, with its name where no note covers it. */
export function clusterFrames(
  clusters: readonly ClusterSnapshot[],
  notesById: ReadonlyMap<NoteId, NoteSnapshot>,
): ClusterFrame[] {
  return clusters.length === 0 ? [] : sceneFrames(clusters, [...notesById.values()])
}

/** The cluster whose name is drawn at a world point, if any. */
export const clusterLabelAt = (frames: readonly ClusterFrame[], x: number, y: number) =>
  frames.find(
    ({ label: l }) => x >= l.x && x <= l.x + l.width && y >= l.y && y <= l.y + l.height,
  ) ?? null
