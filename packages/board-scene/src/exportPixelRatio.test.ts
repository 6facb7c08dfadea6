import { describe, expect, it } from 'vitest'
import { BROWSER_CANVAS_LIMITS, exportPixelRatio } from './exportPixelRatio.js'

describe('exportPixelRatio', () => {
  it('keeps the wanted ratio when the image fits', () => {
    expect(exportPixelRatio(1900, 1260, 3, BROWSER_CANVAS_LIMITS)).toBe(3)
  })

  it.each([
    [40_000, 1_000, 2],
    [20_000, 20_000, 3],
    [100_000, 100_000, 1],
  ])('lowers the ratio of a %i x %i board so the canvas fits Chromium', (w, h, wanted) => {
    const ratio = exportPixelRatio(w, h, wanted, BROWSER_CANVAS_LIMITS)
    expect(ratio).toBeGreaterThan(0)
    expect(ratio).toBeLessThan(wanted)
    expect(Math.ceil(w * ratio)).toBeLessThanOrEqual(32_767)
    expect(Math.ceil(h * ratio)).toBeLessThanOrEqual(32_767)
    expect(Math.ceil(w * ratio) * Math.ceil(h * ratio)).toBeLessThanOrEqual(268_435_456)
  })
})
