import * as Y from 'yjs'

/** What `Y.decodeUpdate` gives: structs in clock order per client, and the delete set. */
export interface DecodedUpdate {
  readonly structs: readonly (Y.Item | Y.GC | Y.Skip)[]
  readonly ds: { readonly clients: Map<number, readonly { clock: number; len: number }[]> }
}

/**
 * [H25] Whether applying `update` to `doc` would leave pending structs or a pending delete set:
 * a struct whose client's earlier clocks, or whose origin, right origin or parent (another
 * client's), are neither in the document nor integrable from the update, or a delete of clocks
 * that will not exist. It runs Yjs's own integration order (`integrateStructs`) on clocks alone,
 * without touching the document: each struct is looked at about once, so the cost grows with the
 * update, not the board. The document must hold no pending data itself (the room sees to that).
 * @example if (missingDependencies(doc, Y.decodeUpdate(update))) refuse(update)
 */
export function missingDependencies(doc: Y.Doc, update: DecodedUpdate): boolean {
  const byClient = new Map<number, { refs: (Y.Item | Y.GC)[]; i: number }>()
  for (const struct of update.structs) {
    // A skip is a gap the update does not fill: the struct after it finds its clock missing.
    if (struct instanceof Y.Skip) continue
    const client = struct.id.client
    let run = byClient.get(client)
    if (!run) byClient.set(client, (run = { refs: [], i: 0 }))
    run.refs.push(struct)
  }
  const state = new Map<number, number>()
  const stateOf = (client: number) => {
    let clock = state.get(client)
    if (clock === undefined) state.set(client, (clock = Y.getState(doc.store, client)))
    return clock
  }
  const onStack = new Set<number>()
  for (const first of byClient.keys()) {
    const stack = [first]
    onStack.add(first)
    while (stack.length > 0) {
      const client = stack[stack.length - 1]!
      const run = byClient.get(client)!
      if (run.i >= run.refs.length) {
        stack.pop()
        onStack.delete(client)
        continue
      }
      const struct = run.refs[run.i]!
      const local = stateOf(client)
      // An earlier clock of the same client is neither in the document nor before this struct.
      if (struct.id.clock > local) return true
      const needs = struct instanceof Y.Item ? dependencyOf(struct, stateOf) : null
      if (needs !== null) {
        const other = byClient.get(needs)
        // What it builds on never comes, or only comes after this very struct (a cycle).
        if (!other || other.i >= other.refs.length || onStack.has(needs)) return true
        stack.push(needs)
        onStack.add(needs)
        continue
      }
      state.set(client, Math.max(local, struct.id.clock + struct.length))
      run.i++
      // As Yjs does: one struct of a client waited for, then back to the struct that waited.
      if (stack.length > 1) {
        stack.pop()
        onStack.delete(client)
      }
    }
  }
  for (const [client, ranges] of update.ds.clients) {
    const end = stateOf(client)
    for (const range of ranges) if (range.clock + range.len > end) return true
  }
  return false
}

/** The client whose missing clock an item waits for (Yjs's `Item.getMissing`), or null. */
function dependencyOf(item: Y.Item, stateOf: (client: number) => number): number | null {
  const own = item.id.client
  const { origin, rightOrigin, parent } = item
  if (origin && origin.client !== own && origin.clock >= stateOf(origin.client))
    return origin.client
  if (rightOrigin && rightOrigin.client !== own && rightOrigin.clock >= stateOf(rightOrigin.client))
    return rightOrigin.client
  if (parent instanceof Y.ID && parent.client !== own && parent.clock >= stateOf(parent.client))
    return parent.client
  return null
}

/**
 * [H25] Drops whatever Yjs holds back as pending in a document (structs waiting for clocks that
 * never came, deletes of clocks that do not exist); true when there was something. Yjs would hand
 * it on in every `encodeStateAsUpdate`: to every joiner, and into every snapshot.
 */
export function dropPending(doc: Y.Doc): boolean {
  const store = doc.store
  if (store.pendingStructs === null && store.pendingDs === null) return false
  store.pendingStructs = null
  store.pendingDs = null
  return true
}
