import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote, asNoteId, readNotes, serverOrigin } from '@sparboard/board-model'
import { CloseCode } from '@sparboard/protocol'
import { SqliteStore } from '@sparboard/server'
import { storedDoc } from '../support/boardView.js'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { observeStore } from '../support/ObservedStore.js'
import { openRaw } from '../support/rawClient.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()
const ids = (doc: Y.Doc) => readNotes(doc).map((n) => n.id)
const note =
  (id: string, text = id) =>
  (doc: Y.Doc) =>
    addNote(
      doc,
      asNoteId(id),
      { category: 'friction', x: 40, y: 60, text, author: 'Server test' },
      serverOrigin,
    )

/** `synchronous: false` makes the store append as a networked one does, so a test can hold it. */
async function serverWithObservedStore(hub = {}, synchronous = true) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sparboard-test-'))
  const store = observeStore(new SqliteStore(join(dataDir, 'sparboard.sqlite')), { synchronous })
  const running = track(await startServer({ dataDir, store, hub }), (r) => r.stop())
  const workshop = await createWorkshop(running.url)
  return { running, store, workshop, boardId: workshop.boards[0]!.id }
}

const client = (wsUrl: string, boardId: string, token: string) =>
  track(openBoard(wsUrl, boardId, token), (c) => c.provider.destroy())

/** An open gate the store's appends wait at until the test lets them through. */
function gate() {
  let open = () => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

describe('BoardHub: server changes', () => {
  it('[H20] changes a board nobody has open: stored, then the board unloads again', async () => {
    const { running, workshop, boardId } = await serverWithObservedStore()
    const { hub } = running.server
    expect(await hub.changeBoard(boardId, (doc) => ids(doc))).toEqual([])
    await hub.changeBoard(boardId, note('from-server'))
    expect(ids(await storedDoc(running.server.store, boardId))).toEqual(['from-server'])
    await eventually(() => expect(hub.openBoards).toBe(0))
    // the change sees what is stored, and a client sees the change
    expect(await hub.changeBoard(boardId, (doc) => ids(doc))).toEqual(['from-server'])
    const reader = client(running.wsUrl, boardId, workshop.tokens.observer)
    await synced(reader.provider)
    expect(ids(reader.doc)).toEqual(['from-server'])
  })

  it('[H20] reaches connected clients once, and only after it is stored; resolves then', async () => {
    const { running, store, workshop, boardId } = await serverWithObservedStore({}, false)
    const raw = track(openRaw(running.wsUrl, boardId, workshop.tokens.observer), (r) =>
      r.ws.close(),
    )
    const stock = client(running.wsUrl, boardId, workshop.tokens.participant)
    await Promise.all([raw.opened, synced(stock.provider)])
    const held = gate()
    let reached = false
    store.beforeAppend = () => {
      reached = true
      return held.opened
    }
    let resolved = false
    const change = running.server.hub
      .changeBoard(boardId, note('relayed', 'Said by the server'))
      .then(() => (resolved = true))
    const carrying = () =>
      raw.received.filter((f) => Buffer.from(f).includes('Said by the server')).length
    await eventually(() => expect(reached).toBe(true))
    expect(carrying()).toBe(0)
    expect(ids(stock.doc)).toEqual([])
    expect(resolved).toBe(false)
    held.open()
    await change
    await eventually(() => expect(ids(stock.doc)).toEqual(['relayed']))
    await eventually(() => expect(carrying()).toBe(1))
    expect(store.appended.map((a) => a.boardId)).toEqual([boardId])
  })

  it('[H20] shares one load with clients joining meanwhile, and the board stays open for them', async () => {
    const { running, store, workshop, boardId } = await serverWithObservedStore({}, false)
    const held = gate()
    store.beforeAppend = () => held.opened
    const change = running.server.hub.changeBoard(boardId, note('joined', 'Written while joining'))
    const clients = Array.from({ length: 3 }, () =>
      track(openRaw(running.wsUrl, boardId, workshop.tokens.participant), (r) => r.ws.close()),
    )
    // The room greets a joiner with its sync step 1 at once; its answers wait for the store ([H3]).
    await eventually(() => clients.forEach((c) => expect(c.received.length).toBeGreaterThan(0)))
    held.open()
    await change
    const carrying = (c: (typeof clients)[number]) =>
      c.received.filter((f) => Buffer.from(f).includes('Written while joining')).length
    await eventually(() => clients.forEach((c) => expect(carrying(c)).toBe(1)))
    expect(store.loads).toBe(1)
    expect(running.server.hub.openBoards).toBe(1)
    for (const c of clients) c.ws.close()
    await eventually(() => expect(running.server.hub.openBoards).toBe(0))
  })

  it('[H20] a board that is unloading is waited for, then changed with everything it stored', async () => {
    const { running, store, workshop, boardId } = await serverWithObservedStore()
    const writer = client(running.wsUrl, boardId, workshop.tokens.participant)
    await synced(writer.provider)
    note('by-client')(writer.doc)
    await eventually(() => expect(store.appended).toHaveLength(1))
    let compacting = false
    const held = gate()
    store.beforeCompact = async () => {
      compacting = true
      await held.opened
    }
    writer.provider.destroy()
    await eventually(() => expect(compacting).toBe(true))
    const change = running.server.hub.changeBoard(boardId, (doc) => {
      note('by-server')(doc)
      return ids(doc)
    })
    held.open()
    expect(await change).toEqual(['by-client', 'by-server'])
    expect(store.loads).toBe(2)
    expect(ids(await storedDoc(running.server.store, boardId))).toEqual(['by-client', 'by-server'])
  })

  it('[H20][H14] a change past the board size limit is refused and not applied', async () => {
    const { running, workshop, boardId } = await serverWithObservedStore({ maxBoardBytes: 1000 })
    const watcher = client(running.wsUrl, boardId, workshop.tokens.observer)
    await synced(watcher.provider)
    await expect(
      running.server.hub.changeBoard(boardId, note('too-big', 'x'.repeat(1500))),
    ).rejects.toMatchObject({ code: CloseCode.tooLarge })
    await running.server.hub.changeBoard(boardId, note('small'))
    await eventually(() => expect(ids(watcher.doc)).toEqual(['small']))
    expect(ids(await storedDoc(running.server.store, boardId))).toEqual(['small'])
  })

  it('[H20] refuses a room that does not exist, and writes nothing for it', async () => {
    const { running, store, boardId } = await serverWithObservedStore()
    await expect(
      running.server.hub.changeBoard(`${boardId}~p~guessed`, note('nowhere')),
    ).rejects.toMatchObject({ code: CloseCode.unknownBoard })
    expect(store.loads).toBe(0)
    expect(running.server.hub.openBoards).toBe(0)
  })
})
