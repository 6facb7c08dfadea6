import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote, asNoteId, readNotes, userOrigin } from '@sparboard/board-model'
import { storedDoc } from '../support/boardView.js'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'
import { privateRoom } from '@sparboard/protocol'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()

const note = (doc: Y.Doc, id: string) =>
  addNote(
    doc,
    asNoteId(id),
    { category: 'solution', x: 1, y: 1, text: id, author: id },
    userOrigin(id),
  )
const ids = (doc: Y.Doc) => readNotes(doc).map((n) => n.id)

describe('BoardHub: locked boards', () => {
  it('[H18] a participant write on a locked board reaches no peer and no store; after unlock it does', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const boardId = w.boards[0]!.id
    const f = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
    await connected(f)
    const open = (token: string) =>
      track(openBoard(running.wsUrl, boardId, token), (c) => c.provider.destroy())
    const peer = open(w.tokens.facilitator)
    const me = open(w.tokens.participant)
    await Promise.all([synced(peer.provider), synced(me.provider)])

    expect(await f.send('board:lock', { boardIds: [boardId], locked: true })).toEqual({ ok: true })
    note(me.doc, 'while-locked')
    // the facilitator still writes; its note reaching the participant shows the hub went on
    note(peer.doc, 'facilitator-while-locked')
    await eventually(() => expect(ids(me.doc)).toContain('facilitator-while-locked'))
    // a cursor sent after the write arrives after the hub handled the write
    me.provider.awareness.setLocalStateField('user', { name: 'p' })
    await eventually(() =>
      expect(peer.provider.awareness.getStates().get(me.doc.clientID)).toEqual({
        user: { name: 'p' },
      }),
    )
    expect(ids(peer.doc)).not.toContain('while-locked')
    const stored = ids(await storedDoc(running.server.store, boardId))
    expect(stored).toContain('facilitator-while-locked')
    expect(stored).not.toContain('while-locked')
    expect(me.provider.wsconnected).toBe(true)

    expect(await f.send('board:lock', { boardIds: [boardId], locked: false })).toEqual({
      ok: true,
    })
    // Its write builds on the dropped one: closed with 4509, it syncs again and all lands.
    const resync = closedWith(me.provider)
    note(me.doc, 'after-unlock')
    expect(await resync).toBe(4509)
    await eventually(() => expect(ids(peer.doc)).toContain('after-unlock'))
    await eventually(async () =>
      expect(ids(await storedDoc(running.server.store, boardId))).toContain('after-unlock'),
    )
  })

  it('[H18] the lock also holds in the private rooms of the locked board', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const boardId = w.boards[0]!.id
    const f = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
    const p = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    await Promise.all([connected(f), connected(p)])
    const joined = await p.send('session:join', { name: 'Anna', side: 0 })
    if (!joined.ok || !joined.privateKey || !joined.personalToken) throw new Error('no private key')
    const room = privateRoom(boardId, joined.privateKey)
    const token = joined.personalToken
    const open = () => track(openBoard(running.wsUrl, room, token), (c) => c.provider.destroy())
    const [me, mySecondTab] = [open(), open()]
    await Promise.all([synced(me.provider), synced(mySecondTab.provider)])
    expect(await f.send('board:lock', { boardIds: [boardId], locked: true })).toEqual({ ok: true })
    note(me.doc, 'private-while-locked')
    me.provider.awareness.setLocalStateField('user', { name: 'p' })
    await eventually(() =>
      expect(mySecondTab.provider.awareness.getStates().get(me.doc.clientID)).toEqual({
        user: { name: 'p' },
      }),
    )
    expect(ids(mySecondTab.doc)).not.toContain('private-while-locked')
    expect(ids(await storedDoc(running.server.store, room))).not.toContain('private-while-locked')
  })

  it('[H18] a lock set before a restart still holds for a client that opens only the board', async () => {
    const running = await startServer()
    const w = await createWorkshop(running.url)
    const boardId = w.boards[0]!.id
    const f = openControl(running.url, w.tokens.facilitator)
    await connected(f)
    expect(await f.send('board:lock', { boardIds: [boardId], locked: true })).toEqual({ ok: true })
    f.close()
    await running.stop(false)
    const again = track(await startServer({ dataDir: running.dataDir }), (r) => r.stop())
    const peer = track(openBoard(again.wsUrl, boardId, w.tokens.facilitator), (c) =>
      c.provider.destroy(),
    )
    const me = track(openBoard(again.wsUrl, boardId, w.tokens.participant), (c) =>
      c.provider.destroy(),
    )
    await Promise.all([synced(peer.provider), synced(me.provider)])
    note(me.doc, 'after-restart')
    me.provider.awareness.setLocalStateField('user', { name: 'p' })
    await eventually(() =>
      expect(peer.provider.awareness.getStates().get(me.doc.clientID)).toEqual({
        user: { name: 'p' },
      }),
    )
    expect(ids(peer.doc)).not.toContain('after-restart')
    expect(ids(await storedDoc(again.server.store, boardId))).not.toContain('after-restart')
  })
})
