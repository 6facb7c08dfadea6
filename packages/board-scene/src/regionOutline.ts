import type { Rect } from '@sparboard/board-model'

/** More rectangles than this and a region is not worth a grid: callers draw a plain box. */
export const REGION_MAX_RECTS = 400

type Point = readonly [number, number]

const edgesOf = (rects: readonly Rect[], axis: 'x' | 'y') => {
  const size = axis === 'x' ? 'width' : 'height'
  return [...new Set(rects.flatMap((r) => [r[axis], r[axis] + r[size]]))].sort((a, b) => a - b)
}

/**
 * The cells of the union of `include` less `exclude`, on the grid their edges make, with the
 * gaps between two cells of a row or column filled where nothing excluded lies in between.
 */
function regionCells(include: readonly Rect[], exclude: readonly Rect[]) {
  const all = [...include, ...exclude]
  const xs = edgesOf(all, 'x')
  const ys = edgesOf(all, 'y')
  const nx = xs.length - 1
  const ny = ys.length - 1
  // 0 outside, 1 inside, 2 excluded
  const cells = new Uint8Array(Math.max(0, nx * ny))
  const mark = (rects: readonly Rect[], value: number) => {
    for (const r of rects) {
      const i0 = xs.indexOf(r.x)
      const i1 = xs.indexOf(r.x + r.width)
      const j0 = ys.indexOf(r.y)
      const j1 = ys.indexOf(r.y + r.height)
      for (let j = j0; j < j1; j++) for (let i = i0; i < i1; i++) cells[j * nx + i] = value
    }
  }
  mark(include, 1)
  mark(exclude, 2)
  const fill = (count: number, lines: number, at: (line: number, k: number) => number) => {
    for (let line = 0; line < lines; line++) {
      let last = -1
      for (let k = 0; k < count; k++) {
        const v = cells[at(line, k)]
        if (v === 2) last = -1
        else if (v === 1) {
          for (let m = last + 1; last >= 0 && m < k; m++) cells[at(line, m)] = 1
          last = k
        }
      }
    }
  }
  fill(nx, ny, (j, i) => j * nx + i)
  fill(ny, nx, (i, j) => j * nx + i)
  const inside = (i: number, j: number) =>
    i >= 0 && j >= 0 && i < nx && j < ny && cells[j * nx + i] === 1
  return { xs, ys, nx, ny, inside }
}

/** The region's boundary as closed loops, clockwise on screen (inside on the right). */
function boundaryLoops(include: readonly Rect[], exclude: readonly Rect[]): Point[][] {
  const { xs, ys, nx, ny, inside } = regionCells(include, exclude)
  const next = new Map<string, Point[]>()
  const key = (p: Point) => `${p[0]},${p[1]}`
  const edge = (a: Point, b: Point) => {
    const list = next.get(key(a)) ?? []
    list.push(b)
    next.set(key(a), list)
  }
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      if (!inside(i, j)) continue
      const [x0, x1, y0, y1] = [xs[i]!, xs[i + 1]!, ys[j]!, ys[j + 1]!]
      if (!inside(i, j - 1)) edge([x0, y0], [x1, y0])
      if (!inside(i + 1, j)) edge([x1, y0], [x1, y1])
      if (!inside(i, j + 1)) edge([x1, y1], [x0, y1])
      if (!inside(i - 1, j)) edge([x0, y1], [x0, y0])
    }
  const loops: Point[][] = []
  for (const [startKey, ends] of next) {
    while (ends.length > 0) {
      const start = startKey.split(',').map(Number) as unknown as Point
      const loop: Point[] = [start]
      let at = ends.pop()!
      while (key(at) !== startKey) {
        loop.push(at)
        at = next.get(key(at))!.pop()!
      }
      loops.push(corners(loop))
    }
  }
  return loops
}

/** Only the points where the direction turns. */
function corners(loop: readonly Point[]): Point[] {
  return loop.filter((p, k) => {
    const a = loop[(k + loop.length - 1) % loop.length]!
    const b = loop[(k + 1) % loop.length]!
    return !((a[0] === p[0] && p[0] === b[0]) || (a[1] === p[1] && p[1] === b[1]))
  })
}

const num = (n: number) => String(Math.round(n * 100) / 100)

/** A loop as path data, its corners rounded to at most `radius`. */
function roundedPath(loop: readonly Point[], radius: number): string {
  const n = loop.length
  const toward = (p: Point, q: Point, r: number): Point => {
    const d = Math.hypot(q[0] - p[0], q[1] - p[1])
    return [p[0] + ((q[0] - p[0]) / d) * r, p[1] + ((q[1] - p[1]) / d) * r]
  }
  const parts: string[] = []
  for (let k = 0; k <= n; k++) {
    const p = loop[k % n]!
    const a = loop[(k + n - 1) % n]!
    const b = loop[(k + 1) % n]!
    const r = Math.min(
      radius,
      Math.hypot(a[0] - p[0], a[1] - p[1]) / 2,
      Math.hypot(b[0] - p[0], b[1] - p[1]) / 2,
    )
    const [p1, p2] = [toward(p, a, r), toward(p, b, r)]
    if (k === 0) parts.push(`M${num(p2[0])} ${num(p2[1])}`)
    else
      parts.push(
        `L${num(p1[0])} ${num(p1[1])}Q${num(p[0])} ${num(p[1])} ${num(p2[0])} ${num(p2[1])}`,
      )
  }
  return parts.join('') + 'Z'
}

/**
 * The outline of the area `include` covers and `exclude` does not, as SVG path data with rounded
 * corners: rectilinear, with the gaps between two included rectangles of a row or a column
 * filled where nothing excluded is in between.
 * @example regionOutline([a, b], [otherNote], 14)
 */
export function regionOutline(
  include: readonly Rect[],
  exclude: readonly Rect[],
  radius: number,
): string {
  return boundaryLoops(include, exclude)
    .map((loop) => roundedPath(loop, radius))
    .join('')
}
