import type { Rect } from '@sparboard/board-model'

const CELL = 512

/**
 * A uniform grid over world space: which items might touch a rectangle. Rebuilt when the notes
 * change (linear), queried every frame (proportional to what is in view).
 */
export class SpatialIndex<T extends Rect> {
  private readonly cells = new Map<number, T[]>()

  constructor(readonly items: readonly T[]) {
    items.forEach((item) => {
      this.forCells(item, (key) => {
        const cell = this.cells.get(key)
        if (cell) cell.push(item)
        else this.cells.set(key, [item])
      })
    })
  }

  // Cell coordinates fit in 16 bits each for |world| < 16M, far past NoteLimits.maxCoordinate.
  private forCells(r: Rect, fn: (key: number) => void) {
    const x1 = Math.floor(r.x / CELL)
    const y1 = Math.floor(r.y / CELL)
    const x2 = Math.floor((r.x + r.width) / CELL)
    const y2 = Math.floor((r.y + r.height) / CELL)
    for (let cx = x1; cx <= x2; cx++)
      for (let cy = y1; cy <= y2; cy++) fn(((cx + 32768) << 16) | (cy + 32768))
  }

  /** Items that overlap `r`, in the order they were given (the drawing order). */
  query(r: Rect): T[] {
    const cellCount =
      (Math.floor((r.x + r.width) / CELL) - Math.floor(r.x / CELL) + 1) *
      (Math.floor((r.y + r.height) / CELL) - Math.floor(r.y / CELL) + 1)
    // Zoomed far out the grid walk costs more than a scan.
    const candidates = cellCount > this.cells.size ? this.items : this.collect(r)
    const out = candidates.filter(
      (i) =>
        i.x < r.x + r.width && i.x + i.width > r.x && i.y < r.y + r.height && i.y + i.height > r.y,
    )
    return out
  }

  private collect(r: Rect): T[] {
    const seen = new Set<T>()
    this.forCells(r, (key) => this.cells.get(key)?.forEach((i) => seen.add(i)))
    const order = new Map<T, number>()
    if (seen.size > 1) this.items.forEach((item, i) => seen.has(item) && order.set(item, i))
    return [...seen].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
  }

  /** The topmost item under a point, or null. */
  at(x: number, y: number): T | null {
    const hits = this.query({ x, y, width: 0.001, height: 0.001 })
    return hits[hits.length - 1] ?? null
  }
}
