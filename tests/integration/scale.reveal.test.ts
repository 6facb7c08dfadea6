import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readNotes } from '@sparboard/board-model'
import { privateRoom } from '@sparboard/protocol'
import type { Store } from '@sparboard/server'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import {
  boardFromFrames,
  framesCarrying,
  writePrivately,
  type PrivateNote,
} from '../support/privateWriting.js'
import { openRaw } from '../support/rawClient.js'
import {
  redisUrl,
  scaleServicesUp,
  scaleSpace,
  startScaleNode,
  type ScaleSpace,
} from '../support/scaleCluster.js'
import { createWorkshop, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, joinAuthor, openControl } from './control.support.js'

const up = await scaleServicesUp()
const track = cleanupAfterEach()

const anna: PrivateNote = {
  id: 'anna-1',
  text: 'Anna via node two: fixed delivery slots',
  category: 'interest',
  side: 0,
  authorSide: 0,
  x: 160,
  y: 340,
  author: 'Anna',
}
const bram: PrivateNote = {
  id: 'bram-1',
  text: 'Bram via node three: no slack for rush orders',
  category: 'friction',
  side: null,
  authorSide: 1,
  x: 930,
  y: 300,
  author: 'Bram',
}

/** A node's reveal moves as its store sees them: each starts by listing the private rooms. */
interface Moves {
  count: number
  /** While set, the node's moves wait for it. */
  hold: Promise<void> | null
}

function watchingMoves(store: Store, moves: Moves): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'privateRooms')
        return async (workshopId: string) => {
          moves.count++
          await moves.hold
          return target.privateRooms(workshopId)
        }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe.skipIf(!up)('scale-out: the reveal', () => {
  let space: ScaleSpace
  let nodes: RunningServer[] = []
  const moves: Moves[] = [0, 1, 2].map(() => ({ count: 0, hold: null }))
  beforeAll(async () => {
    space = scaleSpace()
    nodes = await Promise.all(
      moves.map((m) => startScaleNode(space, { store: (s) => watchingMoves(s, m) })),
    )
  })
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()))
    await space?.drop()
  })

  it('[C19][S5] one node moves the notes; clients on every node get them once, an absent author’s too', async () => {
    const [n0, n1, n2] = nodes as [RunningServer, RunningServer, RunningServer]
    const w = await createWorkshop(n0.url)
    const board = w.boards[0]!.id
    const f = track(openControl(n0.url, w.tokens.facilitator), (c) => c.close())
    const a = track(openControl(n1.url, w.tokens.participant), (c) => c.close())
    const b = track(openControl(n2.url, w.tokens.participant), (c) => c.close())
    await Promise.all([connected(f), connected(a), connected(b)])
    const [annaJoined, bramJoined] = [
      await joinAuthor(a, 'Anna', 0),
      await joinAuthor(b, 'Bram', 1),
    ]
    const annaRoom = privateRoom(board, annaJoined.privateKey)
    const bramRoom = privateRoom(board, bramJoined.privateKey)
    expect(await f.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
    const annaPrivate = track(
      await writePrivately(n1.wsUrl, annaRoom, annaJoined.personalToken, [anna]),
      (c) => c.provider.destroy(),
    )
    const bramPrivate = await writePrivately(n2.wsUrl, bramRoom, bramJoined.personalToken, [bram])
    bramPrivate.provider.destroy()
    b.close()

    const raw = track(openRaw(n2.wsUrl, board, w.tokens.observer), (r) => r.ws.close())
    const stock = track(openBoard(n1.wsUrl, board, w.tokens.participant), (c) =>
      c.provider.destroy(),
    )
    await Promise.all([raw.opened, synced(stock.provider)])
    expect(framesCarrying(raw.received, 'via node')).toBe(0)

    expect(await f.send('phase:reveal', {})).toEqual({ ok: true })
    await eventually(() => expect(readNotes(stock.doc)).toEqual([anna, bram]))
    await eventually(() => expect(readNotes(boardFromFrames(raw.received))).toEqual([anna, bram]))
    expect(framesCarrying(raw.received, anna.text)).toBe(1)
    expect(framesCarrying(raw.received, bram.text)).toBe(1)
    await eventually(() => expect(readNotes(annaPrivate.doc)).toEqual([]))
    const bramLater = track(openBoard(n0.wsUrl, bramRoom, bramJoined.personalToken), (c) =>
      c.provider.destroy(),
    )
    await synced(bramLater.provider)
    expect(readNotes(bramLater.doc)).toEqual([])
    await eventually(() => expect(a.state?.revealed).toBe(true))
    expect(await n1.server.store.pendingReveals()).toEqual([])
  })

  it('[S5][C19] a long move keeps extending the workshop’s lease: no other node changes the session or moves notes meanwhile', async () => {
    const [n0, n1] = nodes as [RunningServer, RunningServer]
    const w = await createWorkshop(n0.url)
    const f0 = track(openControl(n0.url, w.tokens.facilitator), (c) => c.close())
    const f1 = track(openControl(n1.url, w.tokens.facilitator), (c) => c.close())
    await Promise.all([connected(f0), connected(f1)])
    expect(await f0.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
    // Node one's move waits until the test lets it go; node two's must never run.
    let release = () => {}
    moves[0]!.hold = new Promise<void>((resolve) => (release = resolve))
    const movesOnTwo = moves[1]!.count
    const redis = track(new Redis(redisUrl), (r) => r.disconnect())
    const lease = `${space.keyPrefix}session-lock:${w.id}`
    try {
      const revealing = f0.send('phase:reveal', {})
      // a third of the way into a lease's life: extended from here, it would jump back up
      const ttl = () => redis.pttl(lease)
      const first = await eventually(async () => {
        const left = await ttl()
        expect(left).toBeGreaterThan(0)
        expect(left).toBeLessThan(4000)
        return left
      })
      let timerAcked = false
      const timer = f1.send('timer:start', { durationMs: 60_000 }).then((ack) => {
        timerAcked = true
        return ack
      })
      // the lease is extended while the move runs, so node two keeps waiting
      await eventually(async () => expect(await ttl()).toBeGreaterThan(first))
      expect(timerAcked).toBe(false)
      release()
      expect(await revealing).toEqual({ ok: true })
      expect(await timer).toEqual({ ok: true })
    } finally {
      release()
      moves[0]!.hold = null
    }
    expect(moves[1]!.count).toBe(movesOnTwo)
    await eventually(() => expect(f0.state?.timer.running).toBe(true))
    expect(f0.state?.revealed).toBe(true)
  })
})
