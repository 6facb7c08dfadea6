/**
 * What a person decided about suggested groups: `merge` puts the groups of these keys together,
 * `split` takes one key out of its group, to stand alone.
 */
export type GroupDecision =
  | { readonly kind: 'merge'; readonly keys: readonly string[] }
  | { readonly kind: 'split'; readonly key: string }

/**
 * The groups after a person's decisions, applied in the order they were taken; keys no group
 * holds (a note deleted since) change nothing. Groups are in the order of their first keys.
 */
export function applyDecisions(
  groups: readonly (readonly string[])[],
  decisions: readonly GroupDecision[],
): string[][] {
  // the group each key is in, by a number that orders groups (a split's group goes last)
  const groupOf = new Map<string, number>()
  const order = new Map<string, number>()
  groups.forEach((g, i) =>
    g.forEach((key, j) => {
      groupOf.set(key, i)
      order.set(key, i * 1_000_000 + j)
    }),
  )
  let next = groups.length
  for (const d of decisions) {
    if (d.kind === 'split') {
      if (groupOf.has(d.key)) groupOf.set(d.key, next++)
      continue
    }
    const targets = new Set(d.keys.flatMap((k) => (groupOf.has(k) ? [groupOf.get(k)!] : [])))
    if (targets.size < 2) continue
    const into = Math.min(...targets)
    for (const [key, g] of groupOf) if (targets.has(g)) groupOf.set(key, into)
  }
  const byGroup = new Map<number, string[]>()
  for (const [key, g] of groupOf) {
    const list = byGroup.get(g)
    if (list) list.push(key)
    else byGroup.set(g, [key])
  }
  const out = [...byGroup.values()].map((keys) =>
    keys.sort((a, b) => order.get(a)! - order.get(b)!),
  )
  return out.sort((a, b) => order.get(a[0]!)! - order.get(b[0]!)!)
}
