import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  editNoteText,
  placeNote,
  readNotes,
  userOrigin,
} from '@sparboard/board-model'
import { CloseCode } from '@sparboard/protocol'
import type { ServerOptions } from '@sparboard/server'
import { storedDoc } from '../support/boardView.js'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { awarenessUpdate, frames, openRaw } from '../support/rawClient.js'
import { rawUpgrade, tcpClosed, wsFrame } from '../support/rawFrames.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()
const ids = (doc: Y.Doc) => readNotes(doc).map((n) => n.id)
const note = (doc: Y.Doc, id: string, text = id) =>
  addNote(
    doc,
    asNoteId(id),
    { category: 'interest', side: 0, x: 5, y: 5, text, author: 'Bo' },
    userOrigin('bo'),
  )

/** A server, a board, and two stock clients on it that must keep working whatever else happens. */
async function boardWithPeers(hub: ServerOptions['hub'] = {}) {
  const running = track(await startServer({ hub }), (r) => r.stop())
  const workshop = await createWorkshop(running.url)
  const boardId = workshop.boards[0]!.id
  const open = (token = workshop.tokens.participant) =>
    track(openBoard(running.wsUrl, boardId, token), (c) => c.provider.destroy())
  const a = open()
  const b = open()
  await Promise.all([synced(a.provider), synced(b.provider)])
  const raw = () => {
    const r = track(openRaw(running.wsUrl, boardId, workshop.tokens.participant), (c) =>
      c.ws.terminate(),
    )
    return r
  }
  /** The two peers still sync both ways. */
  const stillSyncing = async (tag: string) => {
    note(a.doc, `${tag}-a`)
    note(b.doc, `${tag}-b`)
    for (const doc of [a.doc, b.doc]) {
      await eventually(() =>
        expect(ids(doc)).toEqual(expect.arrayContaining([`${tag}-a`, `${tag}-b`])),
      )
    }
  }
  return { running, workshop, boardId, a, b, open, raw, stillSyncing }
}

const blobUpdate = (bytes: number, key = 'blob') => {
  const doc = new Y.Doc()
  doc.getMap('junk').set(key, 'x'.repeat(bytes))
  return Y.encodeStateAsUpdate(doc)
}

/** An awareness update for one client, as y-protocols encodes it (clock decides which wins). */
const awarenessFor = (clientID: number, state: unknown, clock = 1) =>
  awarenessUpdate(clientID, clock, state)

describe('BoardHub limits', () => {
  it('[H13] a connection past its rate limit is closed with 4429; its peers go on', async () => {
    const { raw, stillSyncing } = await boardWithPeers({
      rateMessageBurst: 50,
      rateMessagesPerSecond: 10,
    })
    const flood = raw()
    await flood.opened
    for (let i = 0; i < 200; i++) flood.send(frames.queryAwareness())
    expect(await flood.closed).toBe(CloseCode.rateLimited)
    await stillSyncing('after-flood')
  })

  it('[H13] the default limits never stop a fast typist or a dragging user', async () => {
    const { a, b } = await boardWithPeers()
    let closed = false
    a.provider.on('connection-close', () => (closed = true))
    note(a.doc, 'dragged', '')
    const origin = userOrigin('bo')
    // two seconds of dragging at 60 moves/s with the cursor following, while typing 20 chars/s
    for (let frame = 0; frame < 120; frame++) {
      placeNote(a.doc, asNoteId('dragged'), { x: 100 + frame, y: 200 + frame }, origin)
      a.provider.awareness.setLocalStateField('cursor', { x: 100 + frame, y: 200 + frame })
      if (frame % 3 === 0) {
        const before = readNotes(a.doc).find((n) => n.id === 'dragged')!.text
        editNoteText(a.doc, asNoteId('dragged'), before, `${before}k`, origin)
      }
      await new Promise((resolve) => setTimeout(resolve, 1000 / 60))
    }
    await eventually(() =>
      expect(readNotes(b.doc).find((n) => n.id === 'dragged')).toMatchObject({
        x: 219,
        y: 319,
        text: 'k'.repeat(40),
      }),
    )
    expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({
      cursor: { x: 219, y: 319 },
    })
    expect(closed).toBe(false)
  })

  it('[H14] a frame past maxPayload closes only that connection (1009)', async () => {
    const { raw, stillSyncing, running } = await boardWithPeers({ maxPayloadBytes: 64 * 1024 })
    const big = raw()
    await big.opened
    big.send(frames.update(blobUpdate(100 * 1024)))
    expect(await big.closed).toBe(CloseCode.messageTooBig)
    await stillSyncing('after-big-frame')
    const metrics = await (await fetch(`${running.url}/metrics`)).text()
    expect(metrics).toContain('sparboard_rejected_messages_total{reason="payload_too_large"} 1')
  })

  it('[H14] an update that would grow the board past its limit is refused with 4413', async () => {
    const { raw, stillSyncing, a, running, boardId } = await boardWithPeers({
      maxBoardBytes: 32 * 1024,
    })
    const grow = raw()
    await grow.opened
    grow.send(frames.update(blobUpdate(40 * 1024)))
    expect(await grow.closed).toBe(CloseCode.tooLarge)
    await stillSyncing('after-too-large')
    expect(a.doc.getMap('junk').has('blob')).toBe(false)
    expect((await storedDoc(running.server.store, boardId)).getMap('junk').has('blob')).toBe(false)
  })

  it('[H14] an awareness state past its limit is refused with 4413', async () => {
    const { raw, stillSyncing, a } = await boardWithPeers()
    const loud = raw()
    await loud.opened
    loud.send(frames.awareness(awarenessFor(777, { name: 'x'.repeat(20 * 1024) })))
    expect(await loud.closed).toBe(CloseCode.tooLarge)
    expect(a.provider.awareness.getStates().has(777)).toBe(false)
    await stillSyncing('after-loud-awareness')
  })

  it('[H9] a connection speaks for one awareness client; entries for others are dropped', async () => {
    const { raw, a, stillSyncing } = await boardWithPeers()
    const spoof = raw()
    await spoof.opened
    spoof.send(frames.awareness(awarenessFor(501, { name: 'me' })))
    await eventually(() =>
      expect(a.provider.awareness.getStates().get(501)).toEqual({ name: 'me' }),
    )
    spoof.send(frames.awareness(awarenessFor(502, { name: 'someone else' })))
    spoof.send(frames.awareness(awarenessFor(501, { name: 'me again' }, 2)))
    // its own later update arriving proves the foreign entry was handled before it
    await eventually(() =>
      expect(a.provider.awareness.getStates().get(501)).toEqual({ name: 'me again' }),
    )
    expect(a.provider.awareness.getStates().has(502)).toBe(false)
    spoof.ws.close()
    // and its own cursor goes away with it
    await eventually(() => expect(a.provider.awareness.getStates().has(501)).toBe(false))
    await stillSyncing('after-spoof')
  })

  it('[H9] nobody takes over the cursor of a user who is still connected', async () => {
    const { raw, a, b } = await boardWithPeers()
    b.provider.awareness.setLocalStateField('user', { name: 'Bo' })
    await eventually(() =>
      expect(a.provider.awareness.getStates().get(b.doc.clientID)).toEqual({
        user: { name: 'Bo' },
      }),
    )
    const mallory = raw()
    await mallory.opened
    mallory.send(frames.awareness(awarenessFor(b.doc.clientID, { user: { name: 'Mallory' } })))
    mallory.send(frames.awareness(awarenessFor(601, { user: { name: 'Mallory' } })))
    // 601 arriving proves the claim on Bo's id was handled before it
    await eventually(() => expect(a.provider.awareness.getStates().has(601)).toBe(false))
    expect(a.provider.awareness.getStates().get(b.doc.clientID)).toEqual({ user: { name: 'Bo' } })
  })

  it('[H12] a peer that stops reading is cut off; the others keep syncing', async () => {
    const { raw, stillSyncing, running, workshop, boardId } = await boardWithPeers({
      maxBufferedBytes: 64 * 1024,
      maxBoardBytes: 1e9,
      rateBytesPerSecond: 1e9,
      rateByteBurst: 1e9,
    })
    const stalled = await rawUpgrade(
      Number(new URL(running.url).port),
      boardId,
      workshop.tokens.observer,
    )
    track(stalled, (s) => s.destroy())
    stalled.pause()
    const writer = raw()
    await writer.opened
    let sent = 0
    await eventually(async () => {
      // bounded: the kernel buffers some megabytes before the server's send buffer grows
      for (let i = 0; i < 10 && sent < 400; i++, sent++) {
        writer.send(frames.update(blobUpdate(100 * 1024, `blob${sent}`)))
      }
      const metrics = await (await fetch(`${running.url}/metrics`)).text()
      expect(metrics).toContain('sparboard_rejected_messages_total{reason="slow_consumer"} 1')
      expect(metrics).toMatch(/^sparboard_yjs_connections 3$/m)
    }, 30_000)
    await stillSyncing('after-stall')
  })

  it('[H6] a truncated update closes that connection with 4400 and is neither stored nor relayed', async () => {
    const { raw, stillSyncing, a, running, boardId } = await boardWithPeers()
    const doc = new Y.Doc()
    note(doc, 'truncated')
    const update = Y.encodeStateAsUpdate(doc)
    const bad = raw()
    await bad.opened
    bad.send(frames.update(update.subarray(0, update.length - 7)))
    expect(await bad.closed).toBe(CloseCode.badMessage)
    await stillSyncing('after-truncated')
    expect(ids(a.doc)).not.toContain('truncated')
    expect(ids(await storedDoc(running.server.store, boardId))).not.toContain('truncated')
  })

  it('[H7] an unknown message type closes only that connection with 4400', async () => {
    const { raw, stillSyncing } = await boardWithPeers()
    const odd = raw()
    await odd.opened
    odd.send(Uint8Array.of(9, 1, 2, 3))
    expect(await odd.closed).toBe(CloseCode.badMessage)
    await stillSyncing('after-unknown-type')
  })

  it('[H8] a reserved opcode closes that socket and never the process', async () => {
    const { running, workshop, boardId, stillSyncing } = await boardWithPeers()
    const port = Number(new URL(running.url).port)
    for (const opcode of [3, 4, 5, 6, 7, 0xb, 0xc, 0xd, 0xe, 0xf]) {
      const socket = await rawUpgrade(port, boardId, workshop.tokens.participant)
      socket.write(wsFrame(opcode, Uint8Array.of(1, 2, 3)))
      await tcpClosed(socket)
    }
    await stillSyncing('after-reserved-opcodes')
  })

  it('[H8] the close codes are the WebSocket layer’s: 1002 for a reserved opcode, 1007 for text that is not UTF-8', async () => {
    const { running, workshop, boardId, stillSyncing } = await boardWithPeers()
    const closedAfter = async (frame: Buffer) => {
      const client = track(openRaw(running.wsUrl, boardId, workshop.tokens.participant), (c) =>
        c.ws.terminate(),
      )
      await client.opened
      // Past the client library, straight onto its socket: no library would send these.
      ;(client.ws as unknown as { _socket: { write(b: Buffer): void } })._socket.write(frame)
      return client.closed
    }
    expect(await closedAfter(wsFrame(3, Uint8Array.of(1, 2, 3)))).toBe(1002)
    expect(await closedAfter(wsFrame(1, Uint8Array.of(0xff, 0xfe, 0xfd)))).toBe(1007)
    await stillSyncing('after-protocol-errors')
  })
})

describe('BoardHub liveness', () => {
  it('[H16] a socket that stops answering pings is cut off; a live client stays', async () => {
    const { running, workshop, boardId, a, stillSyncing } = await boardWithPeers({
      heartbeatMs: 100,
    })
    let dropped = false
    a.provider.on('connection-close', () => (dropped = true))
    const silent = await rawUpgrade(
      Number(new URL(running.url).port),
      boardId,
      workshop.tokens.participant,
    )
    track(silent, (s) => s.destroy())
    await tcpClosed(silent)
    await stillSyncing('after-heartbeat')
    expect(dropped).toBe(false)
  })
})
