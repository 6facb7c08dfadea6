import { describe, expect, it } from 'vitest'
import { SpatialIndex } from './SpatialIndex.js'

const box = (id: string, x: number, y: number) => ({ id, x, y, width: 200, height: 150 })

describe('SpatialIndex', () => {
  const items = [box('a', 0, 0), box('b', 100, 50), box('c', 5000, 5000), box('d', -900, -700)]
  const index = new SpatialIndex(items)

  it('finds what overlaps a rectangle, in drawing order, and nothing else', () => {
    expect(index.query({ x: 150, y: 100, width: 10, height: 10 }).map((i) => i.id)).toEqual([
      'a',
      'b',
    ])
    expect(index.query({ x: -1000, y: -1000, width: 200, height: 400 }).map((i) => i.id)).toEqual([
      'd',
    ])
    expect(index.query({ x: 2000, y: 2000, width: 100, height: 100 })).toEqual([])
  })

  it('gives the topmost item under a point, also across cell borders', () => {
    expect(index.at(150, 100)?.id).toBe('b')
    expect(index.at(5199, 5149)?.id).toBe('c')
    expect(index.at(5201, 5000)).toBeNull()
  })

  it('matches a plain scan on a big random board', () => {
    let seed = 7
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const many = Array.from({ length: 3000 }, (_, i) =>
      box(String(i), rnd() * 20000, rnd() * 20000),
    )
    const big = new SpatialIndex(many)
    for (let k = 0; k < 50; k++) {
      const r = { x: rnd() * 20000, y: rnd() * 20000, width: rnd() * 3000, height: rnd() * 3000 }
      const scan = many.filter(
        (i) =>
          i.x < r.x + r.width &&
          i.x + i.width > r.x &&
          i.y < r.y + r.height &&
          i.y + i.height > r.y,
      )
      expect(big.query(r)).toEqual(scan)
    }
  })
})
