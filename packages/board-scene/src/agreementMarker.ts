import { NOTE_SIZE } from '@sparboard/board-model'
import type { ScenePath, SceneRect } from './sceneShapes.js'

const SIZE = 22
const X = NOTE_SIZE.width - 8 - SIZE
const Y = NOTE_SIZE.height - 5 - SIZE

/**
 * Where a solution that became an agreement carries its marker, relative to the note: a green
 * seal with a check in the bottom right corner, at the end of the author's line. `room` is what
 * it takes from that line.
 */
export const AGREEMENT_MARKER = { x: X, y: Y, size: SIZE, room: SIZE + 4 } as const

/** The marker's two shapes on a note of the usual height. */
export const AGREEMENT_MARKER_SHAPES = {
  seal: {
    kind: 'rect',
    x: X,
    y: Y,
    width: SIZE,
    height: SIZE,
    cornerRadius: SIZE / 2,
    fill: '#2b8a3e',
    stroke: '#ffffff',
    strokeWidth: 2,
  },
  check: {
    kind: 'path',
    x: X,
    y: Y,
    data: 'M6 11.5l3.5 3.5 6.5-7.5',
    stroke: '#ffffff',
    strokeWidth: 2.4,
    lineCap: 'round',
    lineJoin: 'round',
  },
} as const satisfies { seal: SceneRect; check: ScenePath }

/** The marker's shapes on a note drawn `height` tall (taller when it shows its whole text). */
export function agreementMarkerShapes(height: number = NOTE_SIZE.height): [SceneRect, ScenePath] {
  const dy = height - NOTE_SIZE.height
  const { seal, check } = AGREEMENT_MARKER_SHAPES
  return [
    { ...seal, y: seal.y + dy },
    { ...check, y: check.y + dy },
  ]
}
