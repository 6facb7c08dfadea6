/** What a canvas may hold: pixels per side and pixels in all. */
export interface CanvasLimits {
  readonly maxSide: number
  readonly maxPixels: number
}

/** Chromium's limits, less a margin (a canvas right at the limit can still fail to allocate). */
export const BROWSER_CANVAS_LIMITS: CanvasLimits = { maxSide: 32_000, maxPixels: 256_000_000 }

/** The server renders many boards on two cores; this keeps one image under ~256 MB of RAM. */
export const SERVER_CANVAS_LIMITS: CanvasLimits = { maxSide: 16_384, maxPixels: 64_000_000 }

/**
 * The largest pixel ratio up to `wanted` at which a `width` x `height` image fits the limits.
 * @example exportPixelRatio(40_000, 1_000, 2, BROWSER_CANVAS_LIMITS) // 0.8
 */
export function exportPixelRatio(
  width: number,
  height: number,
  wanted: number,
  limits: CanvasLimits,
): number {
  const bySide = Math.min(limits.maxSide / width, limits.maxSide / height)
  const byArea = Math.sqrt(limits.maxPixels / (width * height))
  const ratio = Math.min(wanted, bySide, byArea)
  // Floor to 1/1000 so width * ratio, rounded up, still fits.
  return Math.floor(ratio * 1000) / 1000
}
