import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readNotes } from '@sparboard/board-model'
import { privateRoom } from '@sparboard/protocol'
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

describe.skipIf(!up)('scale-out: the reveal', () => {
  let space: ScaleSpace
  let nodes: RunningServer[] = []
  beforeAll(async () => {
    space = scaleSpace()
    nodes = await Promise.all([0, 1, 2].map(() => startScaleNode(space)))
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
    const annaRoom = privateRoom(board, (await joinAuthor(a, 'Anna', 0)).privateKey)
    const bramRoom = privateRoom(board, (await joinAuthor(b, 'Bram', 1)).privateKey)
    expect(await f.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
    const annaPrivate = track(
      await writePrivately(n1.wsUrl, annaRoom, w.tokens.participant, [anna]),
      (c) => c.provider.destroy(),
    )
    const bramPrivate = await writePrivately(n2.wsUrl, bramRoom, w.tokens.participant, [bram])
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
    const bramLater = track(openBoard(n0.wsUrl, bramRoom, w.tokens.participant), (c) =>
      c.provider.destroy(),
    )
    await synced(bramLater.provider)
    expect(readNotes(bramLater.doc)).toEqual([])
    await eventually(() => expect(a.state?.revealed).toBe(true))
    expect(await n1.server.store.pendingReveals()).toEqual([])
  })
})
