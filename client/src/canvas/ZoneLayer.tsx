import { memo, useMemo } from 'react'
import { Group, Layer } from 'react-konva'
import { boardZones, type NoteSnapshot } from '@sparboard/board-model'
import { zoneScene } from '@sparboard/board-scene'
import { SceneShapes } from './SceneShapes.js'

/**
 * The case template's zones, each grown to hold its notes ([L3]); nothing here listens, so
 * clicks fall through to the stage.
 */
export const ZoneLayer = memo(function ZoneLayer({
  labels,
  notes,
}: {
  labels: readonly string[]
  notes: readonly NoteSnapshot[]
}) {
  const grown = boardZones(notes)
  // Redrawn when a zone's size changes, not on every note's move.
  const sizes = grown.map((z) => `${z.y}:${z.height}`).join(' ')
  const zones = useMemo(
    () => grown.map((zone, i) => zoneScene(zone, labels[i] ?? '')),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `sizes` is what `grown` differs by
    [labels, sizes],
  )
  return (
    <Layer listening={false}>
      {zones.map((zone, i) => (
        <Group key={i} x={zone.x} y={zone.y} listening={false}>
          <SceneShapes shapes={zone.shapes} />
        </Group>
      ))}
    </Layer>
  )
})
