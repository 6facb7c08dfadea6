import Konva from 'konva'
import { NOTE_SIZE } from '@sparboard/board-model'

const SIZE = 22
const X = NOTE_SIZE.width - 8 - SIZE
const Y = NOTE_SIZE.height - 5 - SIZE

/**
 * Where a solution that became an agreement carries its marker, relative to the note: a green
 * seal with a check in the bottom right corner, at the end of the author's line. `room` is what
 * it takes from that line.
 */
export const AGREEMENT_MARKER = { x: X, y: Y, size: SIZE, room: SIZE + 4 } as const

/**
 * The marker's two shapes as Konva configs, so that the live canvas (react-konva) and the exports
 * (buildBoardScene) draw the very same thing.
 */
export const AGREEMENT_MARKER_SHAPES = {
  seal: {
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
    x: X,
    y: Y,
    data: 'M6 11.5l3.5 3.5 6.5-7.5',
    stroke: '#ffffff',
    strokeWidth: 2.4,
    lineCap: 'round',
    lineJoin: 'round',
  },
} as const

/** The marker as Konva nodes, for a note's group in the scene. */
export const agreementMarkerNodes = (): Konva.Shape[] => [
  new Konva.Rect({ ...AGREEMENT_MARKER_SHAPES.seal, name: 'agreement-marker' }),
  new Konva.Path(AGREEMENT_MARKER_SHAPES.check),
]
