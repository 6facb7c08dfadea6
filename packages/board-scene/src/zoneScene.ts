import type { Zone } from '@sparboard/board-model'
import { SCENE_COLORS, SCENE_INK, sceneColorKey } from './sceneColors.js'
import type { SceneGroup } from './sceneShapes.js'
import { sceneText } from './sceneText.js'

/** Where a zone's label is written, relative to the zone; cluster names keep clear of it. */
export const ZONE_LABEL = { x: 24, y: 20, font: { size: 30, bold: true }, band: 64 } as const

/** A zone of the case template: its dashed area and its label. */
export function zoneScene(zone: Zone, label: string): SceneGroup {
  const color = SCENE_COLORS[sceneColorKey(zone)]
  return {
    x: zone.x,
    y: zone.y,
    shapes: [
      {
        kind: 'rect',
        x: 0,
        y: 0,
        width: zone.width,
        height: zone.height,
        fill: color.zone,
        stroke: color.stroke,
        strokeWidth: 2,
        dash: [10, 6],
        cornerRadius: 16,
      },
      sceneText(label, {
        x: ZONE_LABEL.x,
        y: ZONE_LABEL.y,
        width: zone.width - 2 * ZONE_LABEL.x,
        font: ZONE_LABEL.font,
        fill: SCENE_INK.label,
        maxLines: 1,
      }),
    ],
  }
}
