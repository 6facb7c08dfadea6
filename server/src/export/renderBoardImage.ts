import type { Canvas } from '@napi-rs/canvas'
import type { BoardSnapshot } from '@sparboard/board-model'
import {
  buildBoardScene,
  exportPixelRatio,
  sceneToSvg,
  SERVER_CANVAS_LIMITS,
} from '@sparboard/board-scene'
import { votesByNote } from './collectWorkshop.js'
import { useNapiCanvas } from './useNapiCanvas.js'

const sceneOf = (board: BoardSnapshot, zoneLabels: readonly string[]) => {
  useNapiCanvas()
  return buildBoardScene({ notes: board.notes, zoneLabels, votes: votesByNote(board) })
}

/** The whole board as PNG; the pixel ratio is lowered when the image would be too large. */
export async function renderBoardPng(
  board: BoardSnapshot,
  zoneLabels: readonly string[],
  wantedRatio = 1,
): Promise<{ png: Buffer; width: number; height: number; pixelRatio: number }> {
  const { layer, bounds } = sceneOf(board, zoneLabels)
  const pixelRatio = exportPixelRatio(
    bounds.width,
    bounds.height,
    wantedRatio,
    SERVER_CANVAS_LIMITS,
  )
  try {
    const canvas = layer.toCanvas({ ...bounds, pixelRatio }) as unknown as Canvas
    // encode() runs off the main thread, unlike toBuffer()
    const png = await canvas.encode('png')
    return { png, width: canvas.width, height: canvas.height, pixelRatio }
  } finally {
    layer.destroy()
  }
}

/** The whole board as SVG with real text. */
export function renderBoardSvg(board: BoardSnapshot, zoneLabels: readonly string[]): string {
  const { layer, bounds } = sceneOf(board, zoneLabels)
  try {
    return sceneToSvg(layer, bounds)
  } finally {
    layer.destroy()
  }
}
