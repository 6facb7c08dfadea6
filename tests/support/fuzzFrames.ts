import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { frames } from './rawClient.js'
import type { Prng } from './prng.js'
import { wsFrame } from './rawFrames.js'

/** The fuzzer writes as its own Yjs client, so its garbage never claims an honest peer's clock. */
export const FUZZ_CLIENT = 4242

/** Valid frames to start mutating from: a fuzzer doc's updates, step 1s and awareness. */
export function fuzzCorpus(rnd: Prng): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = FUZZ_CLIENT
  const out: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) =>
    out.push(frames.update(update), frames.syncStep2(update)),
  )
  const notes = doc.getMap<Y.Map<unknown>>('notes')
  for (let i = 0; i < 12; i++) {
    doc.transact(() => {
      const note = new Y.Map<unknown>()
      note.set('text', new Y.Text(`fuzz ${i}`))
      note.set('category', rnd.pick(['interest', 'friction', 'solution']))
      note.set('x', rnd.int(2000))
      note.set('y', rnd.int(1500))
      notes.set(`fuzz-${i}`, note)
    })
    ;(notes.get(`fuzz-${rnd.int(i + 1)}`)?.get('text') as Y.Text | undefined)?.insert(0, 'ab')
    if (i % 4 === 3) notes.delete(`fuzz-${rnd.int(i)}`)
  }
  out.push(frames.update(Y.encodeStateAsUpdate(doc)))
  out.push(frames.syncStep1(Y.encodeStateVector(doc)), frames.syncStep1(new Uint8Array([0])))
  const awareness = encoding.createEncoder()
  encoding.writeVarUint(awareness, 1)
  encoding.writeVarUint(awareness, FUZZ_CLIENT)
  encoding.writeVarUint(awareness, 1)
  encoding.writeVarString(
    awareness,
    JSON.stringify({ user: { name: 'fuzz' }, cursor: { x: 1, y: 2 } }),
  )
  out.push(frames.awareness(encoding.toUint8Array(awareness)), frames.queryAwareness())
  return out
}

const varuint = (n: number) => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, n)
  return encoding.toUint8Array(e)
}
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]))

/** One frame from the corpus, mutated in one of the ways a broken or hostile client would. */
export function mutateFrame(rnd: Prng, corpus: readonly Uint8Array[]): Uint8Array {
  const base = rnd.pick(corpus)
  switch (rnd.int(9)) {
    case 0:
      return base.slice(0, rnd.int(base.length))
    case 1: {
      const out = base.slice()
      for (let i = 1 + rnd.int(4); i > 0; i--) out[rnd.int(out.length)]! ^= 1 << rnd.int(8)
      return out
    }
    case 2:
      return concat(varuint(rnd.int(2) ? 4 + rnd.int(300) : rnd.int(2 ** 31)), base.slice(1))
    case 3:
      return concat(
        Uint8Array.of(0, rnd.int(4)),
        varuint(2 ** 32 - 1 - rnd.int(1000)),
        base.slice(0, 8),
      )
    case 4:
      return Uint8Array.from({ length: rnd.int(64) }, () => rnd.int(256))
    case 5:
      return concat(base, rnd.pick(corpus))
    case 6:
      return concat(Uint8Array.of(0, 3 + rnd.int(250)), base.slice(2))
    case 7: {
      const out = base.slice()
      const at = rnd.int(out.length)
      out.set(varuint(2 ** 30 + rnd.int(2 ** 20)).slice(0, out.length - at), at)
      return out
    }
    default:
      return base
  }
}

/** A WebSocket frame no well-behaved client sends: reserved opcodes and bits, lying lengths. */
export function junkWsFrame(rnd: Prng, payload: Uint8Array): Buffer {
  switch (rnd.int(6)) {
    case 0:
      return wsFrame(rnd.pick([3, 4, 5, 6, 7, 0xb, 0xc, 0xd, 0xe, 0xf]), payload)
    case 1:
      return wsFrame(2, payload, { rsv: 1 + rnd.int(7) })
    case 2:
      return wsFrame(2, payload, { mask: false })
    case 3:
      return wsFrame(2, payload, { claimedLength: 2 ** 40 + rnd.int(1000) })
    case 4:
      return wsFrame(9, new Uint8Array(200), { fin: rnd.int(2) === 0 })
    default:
      return wsFrame(1, Uint8Array.of(0xff, 0xfe, 0xc0, 0x80))
  }
}

/** Searches (deterministically) for an update that decodes but that Yjs refuses to integrate. */
export function findRefusedUpdate(rnd: Prng, state: Uint8Array, updates: readonly Uint8Array[]) {
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const update = rnd.pick(updates).slice()
    for (let i = 1 + rnd.int(3); i > 0; i--) update[rnd.int(update.length)]! ^= 1 << rnd.int(8)
    try {
      Y.decodeUpdate(update)
    } catch {
      continue
    }
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    try {
      Y.applyUpdate(doc, update)
    } catch {
      return { update, attempt }
    }
  }
  throw new Error('no refused update found')
}
