import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  deleteNotes,
  editNoteText,
  placeNote,
  readNotes,
  userOrigin,
} from './index.js'

/** A small deterministic PRNG (mulberry32), so every seed replays the same run. */
function prng(seed: number) {
  let t = seed >>> 0
  return () => {
    t = (t + 0x6d2b79f5) >>> 0
    let r = Math.imul(t ^ (t >>> 15), 1 | t)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}

/** N peers edit at random; updates are delivered in random order, some late, all eventually. */
function runPeers(seed: number, peers: number, steps: number) {
  const rnd = prng(seed)
  const docs = Array.from({ length: peers }, () => new Y.Doc())
  const inbox: { to: number; update: Uint8Array }[] = []
  docs.forEach((doc, from) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'net') return
      docs.forEach((_, to) => to !== from && inbox.push({ to, update }))
    }),
  )
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]
  for (let step = 0; step < steps; step++) {
    const p = Math.floor(rnd() * peers)
    const doc = docs[p]!
    const origin = userOrigin(`peer${p}`)
    const notes = readNotes(doc)
    const action = rnd()
    if (action < 0.35 || notes.length === 0) {
      addNote(
        doc,
        asNoteId(`n${seed}-${step}`),
        { category: 'friction', x: step, y: p, author: `p${p}`, text: 'x' },
        origin,
      )
    } else if (action < 0.6) {
      const n = pick(notes)!
      editNoteText(doc, n.id, n.text, n.text + String.fromCharCode(97 + (step % 26)), origin)
    } else if (action < 0.85) {
      placeNote(
        doc,
        pick(notes)!.id,
        { x: rnd() * 2000, y: rnd() * 1500, category: 'solution' },
        origin,
      )
    } else {
      deleteNotes(doc, [pick(notes)!.id], origin)
    }
    // deliver a random share of pending messages in random order
    while (inbox.length > 0 && rnd() < 0.6) {
      const [msg] = inbox.splice(Math.floor(rnd() * inbox.length), 1)
      Y.applyUpdate(docs[msg!.to]!, msg!.update, 'net')
    }
  }
  while (inbox.length > 0) {
    const [msg] = inbox.splice(Math.floor(rnd() * inbox.length), 1)
    Y.applyUpdate(docs[msg!.to]!, msg!.update, 'net')
  }
  return docs
}

describe('convergence with random delivery order', () => {
  it.each([1, 2, 3, 42, 1337, 2026])('seed %i: every peer ends with the same notes', (seed) => {
    const docs = runPeers(seed, 4, 300)
    const first = readNotes(docs[0]!)
    expect(first.length).toBeGreaterThan(0)
    for (const doc of docs.slice(1)) expect(readNotes(doc)).toEqual(first)
  })
})
