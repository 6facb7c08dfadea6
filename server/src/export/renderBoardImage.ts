import type { Canvas } from '@napi-rs/canvas'
import type { BoardSnapshot } from '@sparboard/board-model'
import {
  buildBoardScene,
  exportPixelRatio,
  framedScene,
  konvaLayer,
  sceneToSvg,
  SERVER_CANVAS_LIMITS,
  type SceneFrame,
  type SceneLang,
} from '@sparboard/board-scene'
// Exports lay text out in either language, synchronously: both languages' patterns, loaded now.
import '@sparboard/board-scene/hyphenation-patterns'
import { votesByNote } from './collectWorkshop.js'
import { encodePng, opaqueEdges } from './encodePng.js'
import type { SceneMarks } from './methodExport.js'
import { svgFontFaces } from './svgFontFaces.js'
import { setUpNapiCanvas } from './setUpNapiCanvas.js'

const sceneOf = (
  board: BoardSnapshot,
  zoneLabels: readonly string[],
  lang: SceneLang,
  frame: SceneFrame | undefined,
  marks?: SceneMarks,
) => {
  setUpNapiCanvas()
  const scene = buildBoardScene({
    ...(marks && { tags: marks.tags, links: marks.links }),
    notes: board.notes,
    zoneLabels,
    lang,
    votes: votesByNote(board),
    clusters: board.clusters,
    agreements: board.agreements,
  })
  return frame ? framedScene(scene, frame) : scene
}

/**
 * zlib's level for board PNGs: 3 is its fastest "fast" level. Measured on a board of 38 M pixels
 * (docs/performance.md): a third of the CPU of Skia's encoder less, for a file half as large
 * again (3.6 instead of 2.4 MB); levels 4 to 6 switch to lazy matching and cost twice as much.
 */
const PNG_LEVEL = 3

export interface RasterOptions {
  readonly pixelRatio?: number
  /** JPEG goes into a PDF as it is; pdfkit decodes a PNG in JavaScript, which is slow. */
  readonly format?: 'png' | 'jpeg'
  /** Pixels on the longer side at most (a report page needs no more). */
  readonly maxSide?: number
  /** The export's language: long words break at its syllables. */
  readonly lang?: SceneLang
  /** A header band with the board's names, the moment and a legend above the board. */
  readonly frame?: SceneFrame | undefined
  /** [G1] [G2] [G3] Tags and connector lines of the workshop's method. */
  readonly marks?: SceneMarks
}

/**
 * The whole board as PNG (or JPEG); the pixel ratio is lowered when the image would be too large.
 */
export async function renderBoardPng(
  board: BoardSnapshot,
  zoneLabels: readonly string[],
  {
    pixelRatio: wanted = 1,
    format = 'png',
    maxSide,
    lang = 'en',
    frame,
    marks,
  }: RasterOptions = {},
): Promise<{ png: Buffer; width: number; height: number; pixelRatio: number }> {
  const { bounds, ...scene } = sceneOf(board, zoneLabels, lang, frame, marks)
  const layer = konvaLayer({ bounds, ...scene })
  const limits = maxSide
    ? { maxSide: Math.min(maxSide, SERVER_CANVAS_LIMITS.maxSide), maxPixels: maxSide * maxSide }
    : SERVER_CANVAS_LIMITS
  const pixelRatio = exportPixelRatio(bounds.width, bounds.height, wanted, limits)
  try {
    const canvas = layer.toCanvas({ ...bounds, pixelRatio }) as unknown as Canvas
    const { width, height } = canvas
    if (format === 'jpeg') {
      // encode() compresses off the thread, unlike toBuffer()
      return { png: await canvas.encode('jpeg', 88), width, height, pixelRatio }
    }
    // The scene's white ground makes every pixel opaque but perhaps the last row and column:
    // zlib without Skia's five filters per row takes less CPU (encodePng.ts, PNG_LEVEL).
    const pixels = canvas.data()
    opaqueEdges(pixels, width, height)
    return { png: await encodePng(pixels, width, height, PNG_LEVEL), width, height, pixelRatio }
  } finally {
    layer.destroy()
  }
}

/** The whole board as SVG with real text. */
export function renderBoardSvg(
  board: BoardSnapshot,
  zoneLabels: readonly string[],
  lang: SceneLang = 'en',
  frame?: SceneFrame,
  marks?: SceneMarks,
): string {
  return sceneToSvg(sceneOf(board, zoneLabels, lang, frame, marks), { fontFaces: svgFontFaces() })
}
