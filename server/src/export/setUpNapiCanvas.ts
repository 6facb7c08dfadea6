import { Canvas, DOMMatrix, Image, Path2D } from '@napi-rs/canvas'
import Konva from 'konva'
import { registerExportFonts } from './exportFonts.js'

let ready = false

/**
 * Points Konva at @napi-rs/canvas (Konva's own Node backends need `canvas` or `skia-canvas`,
 * which cannot be installed from npm alone). Idempotent.
 */
export function setUpNapiCanvas(): void {
  if (ready) return
  ready = true
  registerExportFonts()
  const g = globalThis as Record<string, unknown>
  g.DOMMatrix ??= DOMMatrix
  g.Path2D ??= Path2D
  Konva.Util.createCanvasElement = () => {
    // Konva sets sizes through `style`, which a Node canvas lacks.
    const canvas = Object.assign(new Canvas(300, 300), { style: {} })
    return canvas as unknown as ReturnType<typeof Konva.Util.createCanvasElement>
  }
  Konva.Util.createImageElement = () =>
    new Image() as unknown as ReturnType<typeof Konva.Util.createImageElement>
}
