import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, asNoteId, readNotes, userOrigin } from '@sparboard/board-model'
import { privateRoom } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { writePrivately } from '../support/privateWriting.js'
import { frames, openRaw } from '../support/rawClient.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()
const ids = (doc: Y.Doc) => readNotes(doc).map((n) => n.id)

/** New content of about `bytes` bytes, in a map the board model does not read. */
const blob = (bytes: number, key: string) => {
  const doc = new Y.Doc()
  doc.getMap('junk').set(key, 'x'.repeat(bytes))
  return Y.encodeStateAsUpdate(doc)
}

async function setup(maxBoardBytes: number) {
  const running = track(await startServer({ hub: { maxBoardBytes } }), (r) => r.stop())
  const w = await createWorkshop(running.url)
  const boardId = w.boards[0]!.id
  const open = (token = w.tokens.participant) =>
    track(openBoard(running.wsUrl, boardId, token), (c) => c.provider.destroy())
  const raw = () =>
    track(openRaw(running.wsUrl, boardId, w.tokens.participant), (c) => c.ws.terminate())
  return { running, w, boardId, open, raw }
}

const note = (doc: Y.Doc, id: string, text = id) =>
  addNote(
    doc,
    asNoteId(id),
    { category: 'friction', x: 10, y: 10, text, author: 'Bo' },
    userOrigin('bo'),
  )

describe('BoardHub: the board size limit counts what the board holds ([H14])', () => {
  it('[H14] re-sending updates the board already has never fills maxBoardBytes', async () => {
    const { running, w, open, raw } = await setup(300_000)
    const peer = open()
    await synced(peer.provider)
    const big = blob(100_000, 'once')
    const sender = raw()
    await sender.opened
    // 2 MB sent, 100 kB held: today's count of bytes received closed it at the third.
    for (let i = 0; i < 20; i++) sender.send(frames.update(big))
    await eventually(() => expect(peer.doc.getMap('junk').has('once')).toBe(true))
    // The facilitator and a new participant still write.
    const facilitator = open(w.tokens.facilitator)
    await synced(facilitator.provider)
    note(facilitator.doc, 'facilitator')
    const newcomer = open()
    await synced(newcomer.provider)
    note(newcomer.doc, 'newcomer')
    await eventually(() => expect(ids(peer.doc)).toEqual(['facilitator', 'newcomer']))
    expect(sender.ws.readyState).toBe(sender.ws.OPEN)
    const metrics = await (await fetch(`${running.url}/metrics`)).text()
    expect(metrics).not.toContain('reason="board_too_large"')
  })

  it('[H14] what the board would really hold past the limit is still refused with 4413', async () => {
    const { open, raw } = await setup(300_000)
    const peer = open()
    await synced(peer.provider)
    const first = raw()
    await first.opened
    first.send(frames.update(blob(200_000, 'a')))
    await eventually(() => expect(peer.doc.getMap('junk').has('a')).toBe(true))
    const second = raw()
    await second.opened
    second.send(frames.update(blob(150_000, 'b')))
    expect(await second.closed).toBe(4413)
    expect(peer.doc.getMap('junk').has('b')).toBe(false)
  })

  it('[H14] [C19] a reveal that cannot move the notes onto a full board does not answer ok', async () => {
    const { running, w, boardId, open, raw } = await setup(60_000)
    const f = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
    const p = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    await Promise.all([connected(f), connected(p)])
    const joined = await p.send('session:join', { name: 'Anna', side: 0 })
    if (!joined.ok || !joined.privateKey || !joined.personalToken) throw new Error('join refused')
    expect((await f.send('phase:set', { phase: 'interests' })).ok).toBe(true)
    const author = track(
      await writePrivately(
        running.wsUrl,
        privateRoom(boardId, joined.privateKey),
        joined.personalToken,
        [
          {
            id: 'anna-1',
            text: 'p'.repeat(1900),
            category: 'friction',
            side: null,
            authorSide: 0,
            x: 100,
            y: 100,
            author: 'Anna',
          },
        ],
      ),
      (a) => a.provider.destroy(),
    )
    expect(readNotes(author.doc)).toHaveLength(1)
    const peer = open()
    await synced(peer.provider)
    const filler = raw()
    await filler.opened
    filler.send(frames.update(blob(59_000, 'fill')))
    await eventually(() => expect(peer.doc.getMap('junk').has('fill')).toBe(true))
    expect(await f.send('phase:reveal', {})).toEqual({
      ok: false,
      error: 'conflict',
      field: 'reveal',
    })
    expect(ids(peer.doc)).toEqual([])
  })
})
