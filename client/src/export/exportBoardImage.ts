import '@fontsource/noto-sans/400.css'
import '@fontsource/noto-sans/700.css'
import type { BoardSnapshot, LinkSnapshot } from '@sparboard/board-model'
import {
  BOARD_FONT_FAMILY,
  BROWSER_CANVAS_LIMITS,
  buildBoardScene,
  exportPixelRatio,
  framedScene,
  konvaLayer,
  type SceneFrame,
  type NoteTag,
  type SceneLang,
  sceneToSvg,
} from '@sparboard/board-scene'

export type ExportStep = 'fonts' | 'drawing' | 'encoding'

export interface BoardImageRequest {
  readonly board: BoardSnapshot
  readonly zoneLabels: readonly string[]
  /** The interface language: long words break at its syllables. */
  readonly lang: SceneLang
  readonly format: 'png' | 'svg'
  readonly pixelRatio: number
  /** Only these notes, cropped to them. */
  readonly only?: ReadonlySet<string> | undefined
  /** A header band above the board: its names, the moment and a legend. */
  readonly frame?: SceneFrame | undefined
  /** [G1] [G2] [G3] The method's marks, as the canvas draws them. */
  readonly marks?: {
    readonly tags: ReadonlyMap<string, readonly NoteTag[]>
    readonly links: readonly LinkSnapshot[]
  }
  readonly onStep?: (step: ExportStep) => void
}

export interface BoardImage {
  readonly blob: Blob
  /** The ratio used: lower than asked when the board would not fit a browser canvas. */
  readonly pixelRatio: number
}

// A frame between steps lets the progress show before the long synchronous draw.
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

const votesByNote = (board: BoardSnapshot) => {
  const votes = new Map<string, number>()
  for (const v of board.votes) votes.set(v.noteId, (votes.get(v.noteId) ?? 0) + v.count)
  return votes
}

/**
 * Renders the whole board (or a selection) off-screen with the same scene as the server: not the
 * viewport, and never larger than Chromium's canvas limits (the pixel ratio is lowered instead).
 */
export async function exportBoardImage(request: BoardImageRequest): Promise<BoardImage> {
  request.onStep?.('fonts')
  // Text is measured when the nodes are made: the board's font must be there first.
  await Promise.all([
    document.fonts.load(`19px "${BOARD_FONT_FAMILY}"`),
    document.fonts.load(`bold 30px "${BOARD_FONT_FAMILY}"`),
  ])
  request.onStep?.('drawing')
  await nextFrame()
  const board = buildBoardScene({
    notes: request.board.notes,
    zoneLabels: request.zoneLabels,
    lang: request.lang,
    votes: votesByNote(request.board),
    clusters: request.board.clusters,
    agreements: request.board.agreements,
    ...(request.only && { only: request.only }),
    ...(request.marks && { tags: request.marks.tags, links: request.marks.links }),
  })
  const scene = request.frame ? framedScene(board, request.frame) : board
  if (request.format === 'svg') {
    const svg = sceneToSvg(scene)
    return { blob: new Blob([svg], { type: 'image/svg+xml' }), pixelRatio: 1 }
  }
  const { bounds } = scene
  const layer = konvaLayer(scene)
  try {
    const pixelRatio = exportPixelRatio(
      bounds.width,
      bounds.height,
      request.pixelRatio,
      BROWSER_CANVAS_LIMITS,
    )
    const canvas = layer.toCanvas({ ...bounds, pixelRatio })
    request.onStep?.('encoding')
    await nextFrame()
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    // toBlob gives null when the canvas could not be allocated: say so rather than save nothing.
    if (!blob) throw new Error(`canvas of ${canvas.width} x ${canvas.height} px failed`)
    return { blob, pixelRatio }
  } finally {
    layer.destroy()
  }
}
