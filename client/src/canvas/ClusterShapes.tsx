import { memo, useMemo } from 'react'
import { Group } from 'react-konva'
import { clusterScene, type ClusterFrame } from '@sparboard/board-scene'
import { SceneShapes } from './SceneShapes.js'

/**
 * Cluster frames behind the notes with their names (`part="frames"`), or the names that found no
 * spot free of notes, drawn over them (`part="labels"`); drawn only, never hit.
 */
export const ClusterShapes = memo(function ClusterShapes({
  frames,
  part,
  showNames,
}: {
  frames: readonly ClusterFrame[]
  part: 'frames' | 'labels'
  showNames: boolean
}) {
  const scenes = useMemo(() => frames.map(clusterScene), [frames])
  return (
    <Group listening={false}>
      {scenes.map((scene, i) => {
        const shapes = part === 'frames' ? scene.frame.shapes : scene.label.shapes
        // Zoomed far out the names are unreadable: frames only.
        const drawn = showNames
          ? shapes
          : part === 'labels'
            ? []
            : shapes.filter((s) => s.kind !== 'text')
        return drawn.length > 0 && <SceneShapes key={frames[i]!.id} shapes={drawn} />
      })}
    </Group>
  )
})
