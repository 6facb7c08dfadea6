import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { addNote, asNoteId, readNotes, userOrigin } from '@sparboard/board-model'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { frames, openRaw, type RawClient } from '../support/rawClient.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()
const ids = (doc: Y.Doc) => readNotes(doc).map((n) => n.id)

/**
 * A valid update whose structs build on clocks that never arrive: the same Yjs client's first
 * write is kept back, its second (big) one sent. Yjs holds such an update as pending for ever.
 */
function danglingUpdate(bytes: number): Uint8Array {
  const doc = new Y.Doc()
  const text = doc.getText('junk')
  text.insert(0, 'kept back')
  const before = Y.encodeStateVector(doc)
  text.insert(9, 'x'.repeat(bytes))
  return Y.encodeStateAsUpdate(doc, before)
}

/** The update carried by the server's sync step 2 among a raw client's frames, once it came. */
async function serverStep2(raw: RawClient): Promise<Uint8Array> {
  return eventually(() => {
    for (const frame of raw.received) {
      const d = decoding.createDecoder(frame)
      if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 1) continue
      return decoding.readVarUint8Array(d)
    }
    throw new Error('no sync step 2 yet')
  })
}

/** Asks for everything: a raw client's sync step 1 with an empty state vector. */
const askAll = (raw: RawClient) => raw.send(frames.syncStep1(Y.encodeStateVector(new Y.Doc())))

async function setup() {
  const running = track(await startServer(), (r) => r.stop())
  const workshop = await createWorkshop(running.url)
  const boardId = workshop.boards[0]!.id
  const token = workshop.tokens.participant
  const open = () => track(openBoard(running.wsUrl, boardId, token), (c) => c.provider.destroy())
  const raw = () => track(openRaw(running.wsUrl, boardId, token), (c) => c.ws.terminate())
  const metrics = async () => (await fetch(`${running.url}/metrics`)).text()
  return { running, boardId, token, open, raw, metrics }
}

const note = (doc: Y.Doc, id: string) =>
  addNote(
    doc,
    asNoteId(id),
    { category: 'friction', x: 10, y: 10, text: id, author: 'Bo' },
    userOrigin('bo'),
  )

describe('BoardHub pending updates', () => {
  it('[H25] an update frame that builds on clocks that never arrive closes with 4400 and reaches no one', async () => {
    const { open, raw, metrics } = await setup()
    const peer = open()
    await synced(peer.provider)
    const attacker = raw()
    await attacker.opened
    attacker.send(frames.update(danglingUpdate(500_000)))
    expect(await attacker.closed).toBe(4400)
    // A joiner's sync step 2 carries nothing of it.
    const joiner = raw()
    await joiner.opened
    askAll(joiner)
    expect((await serverStep2(joiner)).byteLength).toBeLessThan(1000)
    expect(peer.doc.store.pendingStructs).toBeNull()
    // The stock client reconnects and syncs (it was closed with 1009 while the server kept it).
    peer.provider.disconnect()
    note(peer.doc, 'after')
    peer.provider.connect()
    await synced(peer.provider)
    const other = open()
    await eventually(() => expect(ids(other.doc)).toContain('after'))
    expect(await metrics()).toContain('sparboard_pending_dropped_total{source="update"} 1')
    expect(await metrics()).toContain(
      'sparboard_rejected_messages_total{reason="pending_update"} 1',
    )
  })

  it('[H25] a sync step 2 with a pending part lands without it, and its connection stays open', async () => {
    const { open, raw, metrics } = await setup()
    const peer = open()
    await synced(peer.provider)
    const writer = new Y.Doc()
    note(writer, 'honest')
    const step2 = Y.mergeUpdates([Y.encodeStateAsUpdate(writer), danglingUpdate(200_000)])
    const client = raw()
    await client.opened
    client.send(frames.syncStep2(step2))
    await eventually(() => expect(ids(peer.doc)).toEqual(['honest']))
    expect(peer.doc.store.pendingStructs).toBeNull()
    const joiner = raw()
    await joiner.opened
    askAll(joiner)
    expect((await serverStep2(joiner)).byteLength).toBeLessThan(2000)
    expect(client.ws.readyState).toBe(client.ws.OPEN)
    expect(await metrics()).toContain('sparboard_pending_dropped_total{source="sync_step2"} 1')
  })

  it('[H25] a pending delete set is refused like pending structs', async () => {
    const { open, raw } = await setup()
    const peer = open()
    await synced(peer.provider)
    // Deletes clocks of a client the board has never seen.
    const other = new Y.Doc()
    other.getText('t').insert(0, 'never sent')
    const ds = new Y.Doc()
    Y.applyUpdate(ds, Y.encodeStateAsUpdate(other))
    const before = Y.encodeStateVector(ds)
    ds.getText('t').delete(0, 5)
    const deletes = Y.encodeStateAsUpdate(ds, before)
    const attacker = raw()
    await attacker.opened
    attacker.send(frames.update(deletes))
    expect(await attacker.closed).toBe(4400)
  })

  it('[H25] a board already holding pending data in storage is cleaned on load, logged and counted', async () => {
    const { running, boardId, open, raw, metrics } = await setup()
    // As a server before this rule stored it.
    await running.server.store.appendUpdates(boardId, [danglingUpdate(300_000)])
    const seed = new Y.Doc()
    note(seed, 'kept')
    await running.server.store.appendUpdates(boardId, [Y.encodeStateAsUpdate(seed)])
    const peer = open()
    await synced(peer.provider)
    expect(ids(peer.doc)).toEqual(['kept'])
    expect(peer.doc.store.pendingStructs).toBeNull()
    const joiner = raw()
    await joiner.opened
    askAll(joiner)
    expect((await serverStep2(joiner)).byteLength).toBeLessThan(2000)
    expect(await metrics()).toContain('sparboard_pending_dropped_total{source="stored"} 1')
    // Folded anew when the board unloads: the store no longer holds it.
    peer.provider.destroy()
    joiner.ws.close()
    await eventually(() => expect(running.server.hub.openBoards).toBe(0))
    const stored = await running.server.store.loadBoard(boardId)
    const bytes = stored.updates.reduce((n, u) => n + u.byteLength, 0)
    expect(bytes).toBeLessThan(2000)
  })
})
