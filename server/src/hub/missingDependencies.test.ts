import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { dropPending, missingDependencies } from './missingDependencies.js'

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number) {
  let t = seed >>> 0
  return (n: number) => {
    t = (t + 0x6d2b79f5) >>> 0
    let r = Math.imul(t ^ (t >>> 15), 1 | t)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return Math.floor((((r ^ (r >>> 14)) >>> 0) / 4294967296) * n)
  }
}

/** Three peers editing maps, texts and arrays, syncing now and then; every update they made. */
function history(seed: number): Uint8Array[] {
  const rand = prng(seed)
  const peers = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
  const updates: Uint8Array[] = []
  for (const doc of peers)
    doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && updates.push(u))
  for (let step = 0; step < 60; step++) {
    const doc = peers[rand(3)]!
    const map = doc.getMap<unknown>('m')
    const text = doc.getText('t')
    switch (rand(6)) {
      case 0:
        map.set(`k${rand(4)}`, rand(100))
        break
      case 1:
        text.insert(rand(text.length + 1), 'abc'.slice(rand(3)))
        break
      case 2:
        if (text.length > 0) text.delete(rand(text.length), 1)
        break
      case 3: {
        const inner = new Y.Map<unknown>()
        inner.set('x', rand(9))
        map.set(`n${rand(3)}`, inner)
        break
      }
      case 4: {
        const inner = map.get(`n${rand(3)}`)
        if (inner instanceof Y.Map) inner.set('y', rand(9))
        break
      }
      default: {
        const from = peers[rand(3)]!
        const to = peers[rand(3)]!
        Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'sync')
      }
    }
  }
  // Merged runs too, as a client's sync step 2 or a merged relay would carry them.
  for (let i = 0; i + 3 < updates.length; i += 5)
    updates.push(Y.mergeUpdates(updates.slice(i, i + 3)))
  return updates
}

const pendingAfter = (doc: Y.Doc, update: Uint8Array): boolean => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  Y.applyUpdate(copy, update)
  return copy.store.pendingStructs !== null || copy.store.pendingDs !== null
}

describe('missingDependencies', () => {
  it(
    '[H25] predicts exactly when Yjs would leave pending structs or deletes',
    { timeout: 60_000 },
    () => {
      let pending = 0
      let clean = 0
      for (let seed = 1; seed <= 12; seed++) {
        const updates = history(seed)
        const rand = prng(seed * 7919)
        // Applied in a shuffled order: many arrive before what they build on.
        for (let i = updates.length - 1; i > 0; i--) {
          const j = rand(i + 1)
          ;[updates[i], updates[j]] = [updates[j]!, updates[i]!]
        }
        const target = new Y.Doc()
        for (const update of updates) {
          const predicted = missingDependencies(target, Y.decodeUpdate(update))
          expect(predicted, `seed ${seed}`).toBe(pendingAfter(target, update))
          if (predicted) pending++
          else {
            clean++
            Y.applyUpdate(target, update)
          }
        }
      }
      // Both answers were exercised, many times.
      expect(pending).toBeGreaterThan(50)
      expect(clean).toBeGreaterThan(50)
    },
  )

  it('[H25] dropPending removes what Yjs held back, and it no longer reaches a copy', () => {
    const source = new Y.Doc()
    source.getText('t').insert(0, 'first')
    const first = Y.encodeStateAsUpdate(source)
    source.getText('t').insert(5, ' second')
    const second = Y.encodeStateAsUpdate(source, Y.encodeStateVectorFromUpdate(first))
    const doc = new Y.Doc()
    Y.applyUpdate(doc, second)
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeGreaterThan(10)
    expect(dropPending(doc)).toBe(true)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(copy.store.pendingStructs).toBeNull()
    expect(dropPending(doc)).toBe(false)
  })
})
