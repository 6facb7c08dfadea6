import { plainWords, stems } from './words.js'

/** A sparse vector: feature to weight. */
export type Vector = ReadonlyMap<string, number>

/**
 * What a note is made of: each stem as a word feature, and the character trigrams of each stem
 * with its edges marked (`#ko`, `kor`, `ort`, `rt#`), so parts of Dutch compounds and inflections
 * the stemmer leaves ("levertijd", "leveringstijd") still meet.
 */
export function features(stemmed: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (f: string, by: number) => counts.set(f, (counts.get(f) ?? 0) + by)
  for (const forms of stemmed) {
    // a word counts once, however many stems it has
    for (const s of forms) {
      add(`w:${s}`, 1 / forms.length)
      const padded = `#${s}#`
      const grams = padded.length - 2
      for (let i = 0; i < grams; i++)
        add(padded.slice(i, i + 3), 1 / (Math.sqrt(grams) * forms.length))
    }
  }
  return counts
}

/**
 * TF-IDF vectors of a set of texts, each of length 1: a feature many texts share (a common word)
 * weighs less than one few share.
 */
export function vectors(texts: readonly string[]): Vector[] {
  const counts = texts.map((t) => features(stems(plainWords(t))))
  const df = new Map<string, number>()
  for (const c of counts) for (const f of c.keys()) df.set(f, (df.get(f) ?? 0) + 1)
  const n = texts.length
  return counts.map((c) => {
    const v = new Map<string, number>()
    let norm = 0
    for (const [f, tf] of c) {
      const w = tf * (Math.log((1 + n) / (1 + (df.get(f) ?? 0))) + 1)
      v.set(f, w)
      norm += w * w
    }
    norm = Math.sqrt(norm)
    if (norm > 0) for (const [f, w] of v) v.set(f, w / norm)
    return v
  })
}

/** Cosine of two unit vectors: 0 (nothing shared) to 1 (the same words). */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [f, w] of small) dot += w * (large.get(f) ?? 0)
  return dot
}
