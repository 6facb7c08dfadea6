import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, asNoteId, readNotes, userOrigin } from '@sparboard/board-model'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { storedDoc } from '../support/boardView.js'
import { versionsApi } from '../support/versionsApi.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()
const anna = userOrigin('Anna')
const texts = (doc: Y.Doc) => Object.fromEntries(readNotes(doc).map((n) => [n.id, n.text]))
const note = (doc: Y.Doc, id: string, text: string) =>
  addNote(doc, asNoteId(id), { category: 'friction', x: 50, y: 50, text, author: 'Anna' }, anna)

const health = async (url: string) => {
  const res = await fetch(`${url}/healthz`)
  return { status: res.status, body: (await res.json()) as unknown }
}

/** A board with two notes, kept as a version, that nobody has open any more. */
async function boardWithVersion() {
  const running = track(await startServer(), (r) => r.stop())
  const w = await createWorkshop(running.url)
  const boardId = w.boards[0]!.id
  const writer = openBoard(running.wsUrl, boardId, w.tokens.participant)
  await synced(writer.provider)
  note(writer.doc, 'n1', 'Delivery dates slip')
  note(writer.doc, 'n2', 'Stock is low')
  const kept = texts(writer.doc)
  await eventually(async () =>
    expect(texts(await storedDoc(running.server.store, boardId))).toEqual(kept),
  )
  await running.server.versions.phaseChanged(w.id, null)
  writer.provider.destroy()
  await eventually(() => expect(running.server.hub.openBoards).toBe(0))
  const api = versionsApi(running.url, w.tokens.facilitator)
  const [version] = await api.versions(boardId)
  return { running, w, boardId, kept, version: version!, api }
}

const client = (wsUrl: string, boardId: string, token: string) =>
  track(openBoard(wsUrl, boardId, token), (c) => c.provider.destroy())

describe('a damaged board', () => {
  it('[H22] closes with 4422 (no retries), shows on /healthz, and is whole again once the facilitator restores a version', async () => {
    const { running, w, boardId, kept, version, api } = await boardWithVersion()
    // a stored row that does not decode (written by an older server, or a damaged disk)
    await running.server.store.appendUpdates(boardId, [
      new TextEncoder().encode('this is not a yjs update'),
    ])
    const visitor = client(running.wsUrl, boardId, w.tokens.participant)
    expect(await closedWith(visitor.provider)).toBe(4422)
    expect(visitor.provider.shouldConnect).toBe(false)
    expect(await health(running.url)).toEqual({
      status: 200,
      body: { status: 'degraded', damagedBoards: [boardId] },
    })
    // the workshop's other boards are not held back
    const neighbour = client(running.wsUrl, w.boards[1]!.id, w.tokens.participant)
    await synced(neighbour.provider)

    const restored = await api.restored(boardId, version.id)
    expect(restored.restored).toEqual(version)
    const back = client(running.wsUrl, boardId, w.tokens.participant)
    await synced(back.provider)
    expect(texts(back.doc)).toEqual(kept)
    expect(await health(running.url)).toEqual({ status: 200, body: { status: 'ok' } })
    // the damaged row was folded away: the store holds only what applies
    expect(texts(await storedDoc(running.server.store, boardId))).toEqual(kept)
  })

  it('[H22] a damaged board leaves /healthz with its workshop', async () => {
    const { running, w, boardId } = await boardWithVersion()
    await running.server.store.appendUpdates(boardId, [Uint8Array.of(0xff, 0xff, 0xff)])
    const visitor = client(running.wsUrl, boardId, w.tokens.facilitator)
    expect(await closedWith(visitor.provider)).toBe(4422)
    expect((await health(running.url)).body).toMatchObject({ damagedBoards: [boardId] })
    const res = await fetch(`${running.url}/api/workshops/${w.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    })
    expect(res.status).toBe(204)
    expect(await health(running.url)).toEqual({ status: 200, body: { status: 'ok' } })
  })

  it('a board poisoned before the fix (an update waiting for one that never came) is restored', async () => {
    const { running, w, boardId, kept, version, api } = await boardWithVersion()
    // A client's second edit stored without its first: Yjs holds it back, invisible, forever.
    const stranger = new Y.Doc()
    Y.applyUpdate(stranger, Y.encodeStateAsUpdate(await storedDoc(running.server.store, boardId)))
    const sent: Uint8Array[] = []
    stranger.on('update', (u: Uint8Array) => sent.push(u))
    note(stranger, 'lost', 'never arrived')
    note(stranger, 'waiting', 'waits for the lost one')
    await running.server.store.appendUpdates(boardId, [sent[1]!])
    const writer = client(running.wsUrl, boardId, w.tokens.participant)
    const reader = client(running.wsUrl, boardId, w.tokens.observer)
    await Promise.all([synced(writer.provider), synced(reader.provider)])
    note(writer.doc, 'later', 'Hire a planner')
    await eventually(() => expect(texts(reader.doc).later).toBe('Hire a planner'))

    await api.restored(boardId, version.id)
    await eventually(() => {
      expect(texts(reader.doc)).toEqual(kept)
      expect(texts(writer.doc)).toEqual(kept)
    })
    for (const c of [writer, reader]) c.provider.destroy()
    await eventually(() => expect(running.server.hub.openBoards).toBe(0))
    const again = client(running.wsUrl, boardId, w.tokens.observer)
    await synced(again.provider)
    expect(texts(again.doc)).toEqual(kept)
  })
})
