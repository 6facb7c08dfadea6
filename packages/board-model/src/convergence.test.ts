import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addAgreement,
  addNote,
  asAgreementId,
  asClusterId,
  asNoteId,
  asParticipantId,
  castVote,
  deleteNotes,
  editNoteText,
  groupNotes,
  placeNote,
  readBoard,
  readNotes,
  retractVote,
  updateAgreement,
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

/** One random board operation by peer `p`, as a person would do it. */
function randomOp(doc: Y.Doc, p: number, step: number, seed: number, rnd: () => number) {
  const origin = userOrigin(`peer${p}`)
  const board = readBoard(doc)
  const notes = board.notes
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]
  const action = rnd()
  if (action < 0.25 || notes.length === 0) {
    const id = asNoteId(`n${seed}-${step}`)
    addNote(doc, id, { category: 'friction', x: step, y: p, author: `p${p}`, text: 'x' }, origin)
  } else if (action < 0.45) {
    const n = pick(notes)!
    editNoteText(doc, n.id, n.text, n.text + String.fromCharCode(97 + (step % 26)), origin)
  } else if (action < 0.6) {
    const to = { x: rnd() * 2000, y: rnd() * 1500, category: 'solution' as const }
    placeNote(doc, pick(notes)!.id, to, origin)
  } else if (action < 0.68) {
    deleteNotes(doc, [pick(notes)!.id], origin)
  } else if (action < 0.8) {
    const voter = { participant: asParticipantId(`peer${p}`), side: (p % 2) as 0 | 1, budget: 5 }
    if (rnd() < 0.7) castVote(doc, pick(notes)!.id, voter, origin)
    else retractVote(doc, pick(notes)!.id, voter.participant, origin)
  } else if (action < 0.9) {
    const ids = [pick(notes)!.id, pick(notes)!.id]
    groupNotes(doc, asClusterId(`k${p}-${step}`), ids, `cluster ${step}`, origin)
  } else if (board.agreements.length === 0 || rnd() < 0.4) {
    const input = {
      text: `agreement ${step}`,
      owner: `p${p}`,
      due: '2026-12-01',
      author: `p${p}`,
      createdAt: step,
      solutionIds: [pick(notes)!.id],
      goals: { [step % 3]: 'supports' as const },
    }
    addAgreement(doc, asAgreementId(`a${p}-${step}`), input, origin)
  } else {
    const a = pick(board.agreements)!
    const score = pick(['supports', 'neutral', 'conflicts', null] as const)!
    updateAgreement(doc, a.id, { text: a.text + '!', goals: { [step % 3]: score } }, origin)
  }
}

/** N peers edit at random; updates are delivered in random order, some late, all eventually. */
function runPeers(seed: number, peers: number, steps: number) {
  const rnd = prng(seed)
  const docs = Array.from({ length: peers }, (_, i) => {
    const doc = new Y.Doc()
    // Fixed client ids: Yjs breaks ties by client id, so a seed must fix them to replay.
    doc.clientID = seed * 10 + i + 1
    return doc
  })
  const inbox: { to: number; update: Uint8Array }[] = []
  docs.forEach((doc, from) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'net') return
      docs.forEach((_, to) => to !== from && inbox.push({ to, update }))
    }),
  )
  const deliver = () => {
    const [msg] = inbox.splice(Math.floor(rnd() * inbox.length), 1)
    Y.applyUpdate(docs[msg!.to]!, msg!.update, 'net')
  }
  for (let step = 0; step < steps; step++) {
    const p = Math.floor(rnd() * peers)
    randomOp(docs[p]!, p, step, seed, rnd)
    while (inbox.length > 0 && rnd() < 0.6) deliver()
  }
  while (inbox.length > 0) deliver()
  return docs
}

const SEEDS = [1, 2, 3, 42, 1337, 2026]

describe('convergence with random delivery order', () => {
  it.each(SEEDS)('seed %i: every peer ends with the same board', (seed) => {
    const docs = runPeers(seed, 4, 300)
    const first = readBoard(docs[0]!)
    expect(first.notes.length).toBeGreaterThan(0)
    expect(first.votes.length + first.clusters.length + first.agreements.length).toBeGreaterThan(0)
    for (const doc of docs.slice(1)) expect(readBoard(doc)).toEqual(first)
  })

  it.each(SEEDS)('seed %i: merging the peers in reverse order gives the same board', (seed) => {
    const docs = runPeers(seed, 3, 120)
    const updates = docs.map((d) => Y.encodeStateAsUpdate(d))
    const forward = new Y.Doc()
    const backward = new Y.Doc()
    updates.forEach((u) => Y.applyUpdate(forward, u))
    ;[...updates].reverse().forEach((u) => Y.applyUpdate(backward, u))
    expect(readBoard(backward)).toEqual(readBoard(forward))
    expect(readNotes(forward)).toEqual(readNotes(docs[0]!))
  })
})
