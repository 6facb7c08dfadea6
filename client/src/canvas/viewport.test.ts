import { describe, expect, it } from 'vitest'
import { FOLLOW_MARGIN, followViewport } from './viewport.js'

describe('the view follows what moved', () => {
  const view = { x: 0, y: 0, scale: 0.5 }
  const screen = [1000, 600] as const

  it('stays put while the rectangle is on screen', () => {
    expect(followViewport(view, { x: 100, y: 100, width: 200, height: 150 }, ...screen)).toBe(view)
  })

  it('moves as little as brings a rectangle past the right or bottom edge into view', () => {
    const right = followViewport(view, { x: 2000, y: 100, width: 200, height: 150 }, ...screen)
    expect(right.x + 2200 * 0.5).toBe(1000 - FOLLOW_MARGIN.side)
    expect(right.y).toBe(0)
    const below = followViewport(view, { x: 100, y: 1200, width: 200, height: 150 }, ...screen)
    expect(below.y + 1350 * 0.5).toBe(600 - FOLLOW_MARGIN.bottom)
    const above = followViewport(view, { x: 100, y: -400, width: 200, height: 150 }, ...screen)
    expect(above.y - 400 * 0.5).toBe(FOLLOW_MARGIN.side)
  })

  it('centres what is larger than the screen', () => {
    const big = followViewport(view, { x: 0, y: 0, width: 4000, height: 100 }, ...screen)
    expect(big.x + 2000 * 0.5).toBe(500)
  })
})
