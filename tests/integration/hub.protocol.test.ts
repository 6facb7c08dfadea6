import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { addNote, asNoteId, readNotes, userOrigin } from '@sparboard/board-model'
import { CloseCode } from '@sparboard/protocol'
import { SqliteStore } from '@sparboard/server'
import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { boardView, storedDoc } from '../support/boardView.js'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { observeStore, type ObservedStore } from '../support/ObservedStore.js'
import { frames, openRaw } from '../support/rawClient.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()
const note = (doc: Y.Doc, id: string, text = id) =>
  addNote(
    doc,
    asNoteId(id),
    { category: 'friction', x: 10, y: 10, text, author: 'Anna' },
    userOrigin('anna'),
  )
const ids = (doc: Y.Doc) => readNotes(doc).map((n) => n.id)

/** `synchronous: false` makes the store append as a networked one does, so a test can hold it. */
async function serverWithObservedStore(hub = {}, synchronous = true) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sparboard-test-'))
  const store = observeStore(new SqliteStore(join(dataDir, 'sparboard.sqlite')), { synchronous })
  const running = track(await startServer({ dataDir, store, hub }), (r) => r.stop())
  const workshop = await createWorkshop(running.url)
  return { running, store, workshop, boardId: workshop.boards[0]!.id }
}

function client(wsUrl: string, boardId: string, token: string) {
  return track(openBoard(wsUrl, boardId, token), (c) => c.provider.destroy())
}

/** Fails the test if a client ever holds a note that the store does not hold yet. */
function assertOnlyStoredSeen(doc: Y.Doc, store: ObservedStore, violations: string[]) {
  doc.on('afterTransaction', () => {
    const stored = new Y.Doc()
    for (const a of store.appended) Y.applyUpdate(stored, a.update)
    const storedIds = new Set(ids(stored))
    for (const id of ids(doc)) if (!storedIds.has(id)) violations.push(id)
  })
}

describe('BoardHub protocol', () => {
  it('[H1] a stock WebsocketProvider syncs both ways, and query-awareness is answered', async () => {
    const { running, workshop, boardId } = await serverWithObservedStore()
    const a = client(running.wsUrl, boardId, workshop.tokens.participant)
    const b = client(running.wsUrl, boardId, workshop.tokens.facilitator)
    await Promise.all([synced(a.provider), synced(b.provider)])
    note(a.doc, 'from-a')
    note(b.doc, 'from-b')
    await eventually(() => expect(ids(a.doc)).toEqual(['from-a', 'from-b']))
    await eventually(() => expect(ids(b.doc)).toEqual(['from-a', 'from-b']))

    a.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    const raw = track(openRaw(running.wsUrl, boardId, workshop.tokens.observer), (r) =>
      r.ws.close(),
    )
    await raw.opened
    await eventually(() => expect(raw.received.length).toBeGreaterThan(0))
    raw.send(frames.queryAwareness())
    await eventually(() => {
      const states = raw.received
        .filter((m) => m[0] === 1)
        .map((m) =>
          new TextDecoder().decode(
            decoding.readVarUint8Array(decoding.createDecoder(m.subarray(1))),
          ),
        )
      expect(states.some((s) => s.includes('"Anna"'))).toBe(true)
    })
  })

  it('[H2] a board is loaded before the first sync answer, so a joining client never sees it empty', async () => {
    const { running, workshop, boardId } = await serverWithObservedStore()
    const writer = client(running.wsUrl, boardId, workshop.tokens.participant)
    await synced(writer.provider)
    for (let i = 0; i < 20; i++) note(writer.doc, `n${String(i).padStart(2, '0')}`)
    await eventually(async () =>
      expect(ids(await storedDoc(running.server.store, boardId))).toHaveLength(20),
    )
    writer.provider.destroy()
    await eventually(() => expect(running.server.hub.openBoards).toBe(0))

    const reader = client(running.wsUrl, boardId, workshop.tokens.observer)
    const atFirstSync = new Promise<number>((resolve) =>
      reader.provider.once('sync', () => resolve(ids(reader.doc).length)),
    )
    expect(await atFirstSync).toBe(20)
  })

  it('[H2] clients that join an unloaded board at the same time share one load', async () => {
    const { running, store, workshop, boardId } = await serverWithObservedStore()
    const clients = Array.from({ length: 6 }, () =>
      client(running.wsUrl, boardId, workshop.tokens.participant),
    )
    await Promise.all(clients.map((c) => synced(c.provider)))
    note(clients[0]!.doc, 'shared')
    await eventually(() => clients.forEach((c) => expect(ids(c.doc)).toEqual(['shared'])))
    expect(store.loads).toBe(1)
  })

  it.each([
    ['synchronously (SQLite)', true],
    ['after a wait (a networked store)', false],
  ])('[H3] an update is stored before it is relayed: a store that appends %s', async (_, sync) => {
    const { running, store, workshop, boardId } = await serverWithObservedStore({}, sync)
    if (!sync) store.beforeAppend = () => new Promise((resolve) => setTimeout(resolve, 30))
    const a = client(running.wsUrl, boardId, workshop.tokens.participant)
    const b = client(running.wsUrl, boardId, workshop.tokens.participant)
    await Promise.all([synced(a.provider), synced(b.provider)])
    const violations: string[] = []
    assertOnlyStoredSeen(b.doc, store, violations)
    for (let i = 0; i < 10; i++) note(a.doc, `n${i}`)
    await eventually(() => expect(ids(b.doc)).toHaveLength(10))
    expect(violations).toEqual([])
  })

  it('[H3] a joining client is not handed an edit before the store holds it', async () => {
    const { running, store, workshop, boardId } = await serverWithObservedStore({}, false)
    let release = () => {}
    let entered = false
    store.beforeAppend = () => {
      entered = true
      return new Promise<void>((resolve) => (release = resolve))
    }
    const a = client(running.wsUrl, boardId, workshop.tokens.participant)
    await synced(a.provider)
    note(a.doc, 'held')
    await eventually(() => expect(entered).toBe(true))
    // a failing assertion must not leave the store stuck, or the server cannot close
    track(null, () => release())
    const c = client(running.wsUrl, boardId, workshop.tokens.observer)
    const violations: string[] = []
    assertOnlyStoredSeen(c.doc, store, violations)
    await eventually(() => expect(c.provider.wsconnected).toBe(true))
    expect(c.provider.synced).toBe(false)
    store.beforeAppend = () => {}
    release()
    await synced(c.provider)
    expect(ids(c.doc)).toEqual(['held'])
    expect(violations).toEqual([])
  })

  it('[H3] while the store fails nothing is relayed, and the edit arrives once it recovers', async () => {
    const { running, store, workshop, boardId } = await serverWithObservedStore()
    let failures = 0
    store.beforeAppend = () => {
      failures++
      throw new Error('disk full')
    }
    const a = client(running.wsUrl, boardId, workshop.tokens.participant)
    const b = client(running.wsUrl, boardId, workshop.tokens.participant)
    await Promise.all([synced(a.provider), synced(b.provider)])
    const violations: string[] = []
    assertOnlyStoredSeen(b.doc, store, violations)
    note(a.doc, 'retried')
    await eventually(() => expect(failures).toBeGreaterThanOrEqual(3))
    expect(ids(b.doc)).toEqual([])
    store.beforeAppend = () => {}
    await eventually(() => expect(ids(b.doc)).toEqual(['retried']))
    expect(violations).toEqual([])
  })

  it('[H4] the log is folded into a snapshot after the row threshold and on unload', async () => {
    const { running, workshop, boardId } = await serverWithObservedStore({ compactAfterRows: 10 })
    const a = client(running.wsUrl, boardId, workshop.tokens.participant)
    const b = client(running.wsUrl, boardId, workshop.tokens.participant)
    await Promise.all([synced(a.provider), synced(b.provider)])
    for (let i = 0; i < 35; i++) {
      note(a.doc, `n${String(i).padStart(2, '0')}`)
      await eventually(() => expect(ids(b.doc)).toHaveLength(i + 1))
    }
    const live = await running.server.store.loadBoard(boardId)
    expect(live.logRows).toBeLessThan(10)
    a.provider.destroy()
    b.provider.destroy()
    await eventually(() => expect(running.server.hub.openBoards).toBe(0))
    expect((await running.server.store.loadBoard(boardId)).logRows).toBe(0)
    const fresh = client(running.wsUrl, boardId, workshop.tokens.observer)
    await synced(fresh.provider)
    expect(boardView(fresh.doc)).toEqual(boardView(a.doc))
  })

  it('[H2] a first-time joiner gets the stored snapshot as it is; once anyone writes, joiners get the board as it is now', async () => {
    const { running, workshop, boardId } = await serverWithObservedStore()
    const a = client(running.wsUrl, boardId, workshop.tokens.participant)
    await synced(a.provider)
    for (const id of ['n1', 'n2', 'n3']) note(a.doc, id)
    a.provider.destroy()
    await eventually(() => expect(running.server.hub.openBoards).toBe(0))
    const stored = await running.server.store.loadBoard(boardId)
    expect(stored.logRows).toBe(0)
    // a bare client with an empty document: its sync step 2 answer carries the stored bytes
    const raw = track(openRaw(running.wsUrl, boardId, workshop.tokens.observer), (r) =>
      r.ws.terminate(),
    )
    await raw.opened
    raw.send(frames.syncStep1(Y.encodeStateVector(new Y.Doc())))
    await eventually(() => expect(raw.received.some((m) => m[0] === 0 && m[1] === 1)).toBe(true))
    const answer = decoding.createDecoder(raw.received.find((m) => m[0] === 0 && m[1] === 1)!)
    decoding.readVarUint(answer)
    decoding.readVarUint(answer)
    expect(Buffer.from(decoding.readVarUint8Array(answer))).toEqual(Buffer.from(stored.updates[0]!))
    // someone writes: the next first-time joiner gets that too, not the snapshot of before
    const b = client(running.wsUrl, boardId, workshop.tokens.participant)
    await synced(b.provider)
    note(b.doc, 'n4')
    await eventually(async () =>
      expect((await running.server.store.loadBoard(boardId)).logRows).toBe(1),
    )
    const fresh = client(running.wsUrl, boardId, workshop.tokens.observer)
    await synced(fresh.provider)
    expect(ids(fresh.doc).sort()).toEqual(['n1', 'n2', 'n3', 'n4'])
  })

  it('[H10] boards unload when their last client leaves, however many were opened', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const workshop = await createWorkshop(running.url, {
      title: 'Many boards',
      goals: ['g'],
      sides: ['A', 'B'],
      cases: [{ title: 'one' }, { title: 'two' }, { title: 'three' }],
      groups: 3,
    })
    const clients = workshop.boards.map((b) =>
      client(running.wsUrl, b.id, workshop.tokens.participant),
    )
    await Promise.all(clients.map((c) => synced(c.provider)))
    expect(running.server.hub.openBoards).toBe(9)
    for (const c of clients) c.provider.destroy()
    await eventually(() => expect(running.server.hub.openBoards).toBe(0))
    const metrics = await (await fetch(`${running.url}/metrics`)).text()
    expect(metrics).toMatch(/^sparboard_boards_open 0$/m)
  })

  it('[H10] a client that joins while the board unloads gets everything written before', async () => {
    const { running, store, workshop, boardId } = await serverWithObservedStore()
    let compacting = false
    store.beforeCompact = async () => {
      compacting = true
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const written: string[] = []
    let a = client(running.wsUrl, boardId, workshop.tokens.participant)
    for (let i = 0; i < 8; i++) {
      await synced(a.provider)
      expect(ids(a.doc)).toEqual(written)
      const id = `n${i}`
      note(a.doc, id)
      written.push(id)
      await eventually(() => expect(store.appended).toHaveLength(written.length))
      compacting = false
      a.provider.destroy()
      // joins in the middle of the unload's compaction
      await eventually(() => expect(compacting).toBe(true))
      a = client(running.wsUrl, boardId, workshop.tokens.participant)
    }
    await synced(a.provider)
    expect(ids(a.doc)).toEqual(written)
    expect(store.loads).toBe(9)
  })

  it('[H15] shutdown closes clients with 1001 and every relayed edit survives the restart', async () => {
    const running = await startServer()
    const workshop = await createWorkshop(running.url)
    const boardId = workshop.boards[0]!.id
    const a = client(running.wsUrl, boardId, workshop.tokens.participant)
    const b = client(running.wsUrl, boardId, workshop.tokens.participant)
    await Promise.all([synced(a.provider), synced(b.provider)])
    for (let i = 0; i < 50; i++) note(a.doc, `n${String(i).padStart(2, '0')}`)
    await eventually(() => expect(ids(b.doc)).toHaveLength(50))
    const code = closedWith(b.provider)
    await running.stop(false)
    expect(await code).toBe(CloseCode.goingAway)
    a.provider.destroy()
    b.provider.destroy()
    const again = track(await startServer({ dataDir: running.dataDir }), (r) => r.stop())
    const fresh = client(again.wsUrl, boardId, workshop.tokens.observer)
    await synced(fresh.provider)
    expect(boardView(fresh.doc)).toEqual(boardView(b.doc))
    expect((await again.server.store.loadBoard(boardId)).logRows).toBe(0)
  })

  it('[H17] /metrics counts connections, boards, updates, latencies and rejections', async () => {
    const { running, workshop, boardId } = await serverWithObservedStore()
    const a = client(running.wsUrl, boardId, workshop.tokens.participant)
    const b = client(running.wsUrl, boardId, workshop.tokens.participant)
    await Promise.all([synced(a.provider), synced(b.provider)])
    for (let i = 0; i < 5; i++) note(a.doc, `n${i}`)
    await eventually(() => expect(ids(b.doc)).toHaveLength(5))
    const refused = openBoard(running.wsUrl, boardId, 'nope')
    expect(await closedWith(refused.provider)).toBe(CloseCode.unknownToken)
    refused.provider.destroy()
    const text = await (await fetch(`${running.url}/metrics`)).text()
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1])
    await eventually(async () => {
      const t = await (await fetch(`${running.url}/metrics`)).text()
      expect(t).toMatch(/^sparboard_yjs_connections 2$/m)
    })
    expect(value('sparboard_boards_open')).toBe(1)
    expect(value('sparboard_updates_in_total')).toBeGreaterThanOrEqual(5)
    expect(value('sparboard_updates_out_total')).toBeGreaterThanOrEqual(5)
    expect(value('sparboard_store_append_seconds_count')).toBeGreaterThanOrEqual(1)
    expect(value('sparboard_relay_seconds_count')).toBeGreaterThanOrEqual(5)
    expect(value('sparboard_rejected_messages_total{reason="unknown_token"}')).toBe(1)
  })
})
