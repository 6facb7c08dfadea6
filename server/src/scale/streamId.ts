/** A Redis stream entry id `ms-seq`, as two numbers (ms fits a double for 285,000 years). */
type StreamId = readonly [ms: number, seq: number]

const parse = (id: string): StreamId => {
  const [ms, seq] = id.split('-')
  return [Number(ms), Number(seq ?? 0)]
}

/** Whether stream id `a` comes after `b`. */
export function streamIdAfter(a: string, b: string): boolean {
  const [am, as] = parse(a)
  const [bm, bs] = parse(b)
  return am > bm || (am === bm && as > bs)
}

/** The smallest id after `id`: `XTRIM MINID` with it drops `id` and everything before. */
export function nextStreamId(id: string): string {
  const [ms, seq] = parse(id)
  return `${ms}-${seq + 1}`
}

/** The id `ms` milliseconds before `id` (for trimming only what is older than a grace window). */
export function streamIdBefore(id: string, ms: number): string {
  const [at] = parse(id)
  return `${Math.max(0, at - ms)}-0`
}

/** The earlier of two ids. */
export const earlierStreamId = (a: string, b: string) => (streamIdAfter(a, b) ? b : a)
