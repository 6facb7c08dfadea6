import { cosine, vectors } from './similarity.js'

/** At most this many notes are grouped at once; more are left out (`truncated`). */
export const MAX_GROUPED_NOTES = 1000
/** Only this much of a note's text is read. */
export const MAX_GROUPED_TEXT = 500
/** Two groups join when their notes are at least this similar on average (cosine of TF-IDF). */
export const DEFAULT_THRESHOLD = 0.2

export interface TextItem {
  /** Unique among the items. */
  readonly key: string
  readonly text: string
}

export interface Grouping {
  /** Each grouped item in exactly one group; groups by their first item, items in input order. */
  readonly groups: readonly (readonly string[])[]
  /** More than `MAX_GROUPED_NOTES` items came in: the first ones were grouped, the rest not. */
  readonly truncated: boolean
}

/**
 * Groups similar texts, agglomeratively with average linkage: the most similar pairs first, two
 * groups join when the mean similarity of all their pairs is at least `threshold`. Deterministic
 * (ties go by input order). Runs in O(n²) time and memory for n ≤ `MAX_GROUPED_NOTES` items, and
 * is meant for a worker thread, never a server's event loop.
 */
export function groupSimilar(items: readonly TextItem[], threshold = DEFAULT_THRESHOLD): Grouping {
  const truncated = items.length > MAX_GROUPED_NOTES
  const kept = items.slice(0, MAX_GROUPED_NOTES)
  const n = kept.length
  const vs = vectors(kept.map((i) => i.text.slice(0, MAX_GROUPED_TEXT)))
  const sim = new Float32Array(n * n)
  const pairs: [number, number, number][] = []
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = cosine(vs[i]!, vs[j]!)
      sim[i * n + j] = s
      sim[j * n + i] = s
      if (s >= threshold) pairs.push([s, i, j])
    }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
  // each item's group, as the list of its members (shared by every member)
  const groupOf: number[][] = kept.map((_item, i) => [i])
  for (const [, i, j] of pairs) {
    const a = groupOf[i]!
    const b = groupOf[j]!
    if (a === b) continue
    let sum = 0
    for (const x of a) for (const y of b) sum += sim[x * n + y]!
    if (sum / (a.length * b.length) < threshold) continue
    const joined = [...a, ...b].sort((x, y) => x - y)
    for (const x of joined) groupOf[x] = joined
  }
  const seen = new Set<number[]>()
  const groups: string[][] = []
  for (const g of groupOf) {
    if (seen.has(g)) continue
    seen.add(g)
    groups.push(g.map((i) => kept[i]!.key))
  }
  return { groups, truncated }
}
