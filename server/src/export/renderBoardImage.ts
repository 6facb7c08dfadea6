import type { Canvas } from '@napi-rs/canvas'
import type { BoardSnapshot } from '@sparboard/board-model'
import {
  buildBoardScene,
  exportPixelRatio,
  sceneToSvg,
  SERVER_CANVAS_LIMITS,
} from '@sparboard/board-scene'
import { votesByNote } from './collectWorkshop.js'
import { svgFontFaces } from './svgFontFaces.js'
import { setUpNapiCanvas } from './setUpNapiCanvas.js'

const sceneOf = (board: BoardSnapshot, zoneLabels: readonly string[]) => {
  setUpNapiCanvas()
  return buildBoardScene({
    notes: board.notes,
    zoneLabels,
    votes: votesByNote(board),
    clusters: board.clusters,
    agreements: board.agreements,
  })
}

export interface RasterOptions {
  readonly pixelRatio?: number
  /** JPEG goes into a PDF as it is; pdfkit decodes a PNG in JavaScript, which is slow. */
  readonly format?: 'png' | 'jpeg'
  /** Pixels on the longer side at most (a report page needs no more). */
  readonly maxSide?: number
}

/**
 * The whole board as PNG (or JPEG); the pixel ratio is lowered when the image would be too large.
 */
export async function renderBoardPng(
  board: BoardSnapshot,
  zoneLabels: readonly string[],
  { pixelRatio: wanted = 1, format = 'png', maxSide }: RasterOptions = {},
): Promise<{ png: Buffer; width: number; height: number; pixelRatio: number }> {
  const { layer, bounds } = sceneOf(board, zoneLabels)
  const limits = maxSide
    ? { maxSide: Math.min(maxSide, SERVER_CANVAS_LIMITS.maxSide), maxPixels: maxSide * maxSide }
    : SERVER_CANVAS_LIMITS
  const pixelRatio = exportPixelRatio(bounds.width, bounds.height, wanted, limits)
  try {
    const canvas = layer.toCanvas({ ...bounds, pixelRatio }) as unknown as Canvas
    // encode() draws and compresses off the main thread, unlike toBuffer()
    const png = format === 'jpeg' ? await canvas.encode('jpeg', 88) : await canvas.encode('png')
    return { png, width: canvas.width, height: canvas.height, pixelRatio }
  } finally {
    layer.destroy()
  }
}

/** The whole board as SVG with real text. */
export function renderBoardSvg(board: BoardSnapshot, zoneLabels: readonly string[]): string {
  const { layer, bounds } = sceneOf(board, zoneLabels)
  try {
    return sceneToSvg(layer, bounds, { fontFaces: svgFontFaces() })
  } finally {
    layer.destroy()
  }
}
