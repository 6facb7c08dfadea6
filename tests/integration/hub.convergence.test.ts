import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { boardView, storedDoc } from '../support/boardView.js'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { prng } from '../support/prng.js'
import { randomEdit } from '../support/randomEdit.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()
const PEERS = 10

/**
 * Seeds that once failed are kept here with a line on what they caught; the list only grows.
 * (None yet: the first runs of 1-3 passed.)
 */
const SEEDS = [1, 2, 3, 4, 5]

describe('BoardHub convergence', () => {
  it.each(SEEDS)(
    '[H1][H3] seed %i: 10 stock clients editing at random with disconnects end identical, to a fresh client and to the store',
    async (seed) => {
      const rnd = prng(seed)
      const running = track(await startServer(), (r) => r.stop())
      const workshop = await createWorkshop(running.url)
      const boardId = workshop.boards[0]!.id
      const open = () =>
        track(openBoard(running.wsUrl, boardId, workshop.tokens.participant), (c) =>
          c.provider.destroy(),
        )
      const peers = Array.from({ length: PEERS }, open)
      await Promise.all(peers.map((p) => synced(p.provider)))

      for (let step = 0; step < 800; step++) {
        const p = rnd.int(PEERS)
        const peer = peers[p]!
        const roll = rnd.next()
        if (roll < 0.04 && peer.provider.wsconnected) peer.provider.disconnect()
        else if (roll < 0.07 && !peer.provider.shouldConnect) peer.provider.connect()
        // a dropped connection: the provider reconnects by itself after its backoff
        else if (roll < 0.09) peer.provider.ws?.close()
        else randomEdit(peer.doc, rnd, `peer${p}`, `s${seed}-${step}`)
        // let the network interleave with the edits; how much varies with the seed
        if (rnd.next() < 0.3) await new Promise((resolve) => setTimeout(resolve, rnd.int(4)))
      }
      for (const peer of peers) if (!peer.provider.shouldConnect) peer.provider.connect()

      const view = (doc: Y.Doc) => boardView(doc)
      await eventually(() => {
        const first = view(peers[0]!.doc)
        for (const peer of peers) expect(view(peer.doc)).toEqual(first)
      }, 30_000)
      const expected = view(peers[0]!.doc)
      expect(Object.keys(expected).length).toBeGreaterThan(10)
      const fresh = open()
      await synced(fresh.provider)
      expect(view(fresh.doc)).toEqual(expected)
      await eventually(async () =>
        expect(view(await storedDoc(running.server.store, boardId))).toEqual(expected),
      )
    },
  )
})
