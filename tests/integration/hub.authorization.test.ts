import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote, asNoteId, readNotes, userOrigin } from '@sparboard/board-model'
import { CloseCode, type CreatedWorkshop } from '@sparboard/protocol'
import { storedDoc } from '../support/boardView.js'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const roles = ['facilitator', 'participant', 'observer'] as const
const track = cleanupAfterEach()
let running: RunningServer
let own: CreatedWorkshop
let other: CreatedWorkshop

beforeAll(async () => {
  running = await startServer()
  own = await createWorkshop(running.url)
  other = await createWorkshop(running.url)
})
afterAll(() => running.stop())

const client = (boardId: string, token: string) =>
  track(openBoard(running.wsUrl, boardId, token), (c) => c.provider.destroy())
const note = (doc: Y.Doc, id: string) =>
  addNote(
    doc,
    asNoteId(id),
    { category: 'solution', x: 1, y: 1, text: id, author: id },
    userOrigin(id),
  )
const ids = (doc: Y.Doc) => readNotes(doc).map((n) => n.id)

/** Joins a workshop by its participant link: the participant's id and personal token ([C20]). */
async function joinAs(w: CreatedWorkshop, name: string) {
  const control = track(openControl(running.url, w.tokens.participant), (c) => c.close())
  await connected(control)
  const joined = await control.send('session:join', { name, side: 0 })
  if (!joined.ok || !joined.personalToken) throw new Error('join refused')
  return { id: joined.participantId, token: joined.personalToken }
}

describe('BoardHub authorization matrix', () => {
  describe.each(roles)('%s token', (role) => {
    const writes = role !== 'observer'

    it(`[H5] on its own board: reads, ${writes ? 'writes' : 'cannot write'}, shows its cursor`, async () => {
      const boardId = own.boards[0]!.id
      const peer = client(boardId, own.tokens.facilitator)
      const me = client(boardId, own.tokens[role])
      await Promise.all([synced(peer.provider), synced(me.provider)])

      // read
      const fromPeer = `peer-for-${role}`
      note(peer.doc, fromPeer)
      await eventually(() => expect(ids(me.doc)).toContain(fromPeer))

      // write, then awareness: the cursor arriving proves the server has handled the write
      const mine = `by-${role}`
      note(me.doc, mine)
      me.provider.awareness.setLocalStateField('user', { name: role })
      await eventually(() =>
        expect(peer.provider.awareness.getStates().get(me.doc.clientID)).toEqual({
          user: { name: role },
        }),
      )
      if (writes) {
        await eventually(() => expect(ids(peer.doc)).toContain(mine))
        await eventually(async () =>
          expect(ids(await storedDoc(running.server.store, boardId))).toContain(mine),
        )
      } else {
        expect(ids(peer.doc)).not.toContain(mine)
        expect(ids(await storedDoc(running.server.store, boardId))).not.toContain(mine)
        // still connected and still reading after the dropped write
        note(peer.doc, 'after-dropped-write')
        await eventually(() => expect(ids(me.doc)).toContain('after-dropped-write'))
        expect(me.provider.wsconnected).toBe(true)
      }
    })

    it(`[H11] on another workshop's board: closed with 4403 before it reads, writes or shows a cursor`, async () => {
      const boardId = other.boards[0]!.id
      const peer = client(boardId, other.tokens.participant)
      await synced(peer.provider)
      note(peer.doc, 'private')
      const me = client(boardId, own.tokens[role])
      note(me.doc, `intruder-${role}`)
      me.provider.awareness.setLocalStateField('user', { name: 'intruder' })
      expect(await closedWith(me.provider)).toBe(4403)
      await eventually(() => expect(me.provider.shouldConnect).toBe(false))
      expect(ids(me.doc)).not.toContain('private')
      expect(peer.provider.awareness.getStates().has(me.doc.clientID)).toBe(false)
      expect(ids(await storedDoc(running.server.store, boardId))).not.toContain(`intruder-${role}`)
    })
  })

  describe("a participant's personal token", () => {
    it('[H5][H19] on its own board: reads, writes, shows its cursor', async () => {
      const boardId = own.boards[1]!.id
      const { token } = await joinAs(own, 'Anna')
      const peer = client(boardId, own.tokens.observer)
      const me = client(boardId, token)
      await Promise.all([synced(peer.provider), synced(me.provider)])
      note(me.doc, 'by-personal')
      me.provider.awareness.setLocalStateField('user', { name: 'Anna' })
      await eventually(() => expect(ids(peer.doc)).toContain('by-personal'))
      await eventually(() =>
        expect(peer.provider.awareness.getStates().get(me.doc.clientID)).toEqual({
          user: { name: 'Anna' },
        }),
      )
      await eventually(async () =>
        expect(ids(await storedDoc(running.server.store, boardId))).toContain('by-personal'),
      )
    })

    it("[H11] on another workshop's board: closed with 4403 before it reads", async () => {
      const boardId = other.boards[1]!.id
      const peer = client(boardId, other.tokens.participant)
      await synced(peer.provider)
      note(peer.doc, 'theirs')
      const { token } = await joinAs(own, 'Anna')
      const me = client(boardId, token)
      expect(await closedWith(me.provider)).toBe(4403)
      expect(ids(me.doc)).not.toContain('theirs')
    })

    it('[H11][H19] once its person is removed, or its link replaced, it is closed with 4401', async () => {
      const w = await createWorkshop(running.url)
      const boardId = w.boards[0]!.id
      const f = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
      await connected(f)
      const [anna, bram] = [await joinAs(w, 'Anna'), await joinAs(w, 'Bram')]
      expect((await f.send('participant:remove', { participantId: anna.id })).ok).toBe(true)
      const removed = client(boardId, anna.token)
      expect(await closedWith(removed.provider)).toBe(CloseCode.unknownToken)
      await synced(client(boardId, bram.token).provider)
      const res = await fetch(`${running.url}/api/workshops/${w.id}/links/participant/rotate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.tokens.facilitator}` },
      })
      expect(res.status).toBe(200)
      const suspended = client(boardId, bram.token)
      expect(await closedWith(suspended.provider)).toBe(CloseCode.unknownToken)
      await eventually(() => expect(suspended.provider.shouldConnect).toBe(false))
    })
  })

  it('[H11] a missing or unknown token is closed with 4401 and the client stops retrying', async () => {
    for (const token of ['', 'x'.repeat(43), own.tokens.participant.slice(1)]) {
      const c = client(own.boards[0]!.id, token)
      expect(await closedWith(c.provider)).toBe(CloseCode.unknownToken)
      await eventually(() => expect(c.provider.shouldConnect).toBe(false))
    }
  })

  it('[H11] an unknown board is closed with 4404', async () => {
    const c = client('no-such-board', own.tokens.facilitator)
    expect(await closedWith(c.provider)).toBe(CloseCode.unknownBoard)
  })
})
