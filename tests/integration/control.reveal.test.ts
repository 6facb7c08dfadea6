import { describe, expect, it } from 'vitest'
import {
  addNote,
  answerPosition,
  asNoteId,
  copyNotes,
  deleteNotes,
  markPosition,
  readBoard,
  readNotes,
  userOrigin,
} from '@sparboard/board-model'
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
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, joinAuthor, openControl } from './control.support.js'

const track = cleanupAfterEach()

const anna: PrivateNote = {
  id: 'anna-1',
  text: 'Anna alone: Sales needs delivery dates it can promise',
  category: 'interest',
  side: 0,
  authorSide: 0,
  x: 140,
  y: 320,
  author: 'Anna',
}
const bram: PrivateNote = {
  id: 'bram-1',
  text: 'Bram alone: rush orders break the week plan',
  category: 'friction',
  side: null,
  authorSide: 1,
  x: 910,
  y: 280,
  author: 'Bram',
}
const bramElsewhere: PrivateNote = {
  id: 'bram-2',
  text: 'Bram on the other board: a weekly capacity call',
  category: 'solution',
  side: null,
  authorSide: 1,
  x: 1500,
  y: 600,
  author: 'Bram',
}

async function workshopInPrivateWriting() {
  const running = track(await startServer(), (r) => r.stop())
  const w = await createWorkshop(running.url)
  const [board, other] = [w.boards[0]!.id, w.boards[1]!.id]
  const control = (token: string) => track(openControl(running.url, token), (c) => c.close())
  const [f, annaControl, bramControl] = [
    control(w.tokens.facilitator),
    control(w.tokens.participant),
    control(w.tokens.participant),
  ]
  await Promise.all([connected(f), connected(annaControl), connected(bramControl)])
  const annaJoined = await joinAuthor(annaControl, 'Anna', 0)
  const bramJoined = await joinAuthor(bramControl, 'Bram', 1)
  const [annaKey, bramKey] = [annaJoined.privateKey, bramJoined.privateKey]
  const bramToken = bramJoined.personalToken
  // [H27] each author's room opens to their own token only
  const tokenOf = new Map([
    [annaKey, annaJoined.personalToken],
    [bramKey, bramToken],
  ])
  expect(await f.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
  const write = async (key: string, boardId: string, notes: PrivateNote[]) =>
    track(
      await writePrivately(running.wsUrl, privateRoom(boardId, key), tokenOf.get(key)!, notes),
      (a) => a.provider.destroy(),
    )
  return {
    running,
    w,
    board,
    other,
    f,
    bramControl,
    annaKey,
    bramKey,
    bramToken,
    annaToken: annaJoined.personalToken,
    write,
  }
}

describe('control plane: the server reveals private notes', () => {
  it('[C19] an author offline at the reveal: everyone on the board gets both authors’ notes at once, exactly once', async () => {
    const { running, w, board, other, f, bramControl, annaKey, bramKey, bramToken, write } =
      await workshopInPrivateWriting()
    const annaPrivate = await write(annaKey, board, [anna])
    const bramPrivate = await write(bramKey, board, [bram])
    const bramOther = await write(bramKey, other, [bramElsewhere])
    // Bram closes his browser: his providers and his control socket go.
    bramPrivate.provider.destroy()
    bramOther.provider.destroy()
    bramControl.close()

    const raw = track(openRaw(running.wsUrl, board, w.tokens.participant), (r) => r.ws.close())
    const stock = track(openBoard(running.wsUrl, board, w.tokens.participant), (b) =>
      b.provider.destroy(),
    )
    await Promise.all([raw.opened, synced(stock.provider)])
    // Other commands before the reveal bring nothing of a private room to the board.
    expect(await f.send('timer:start', { durationMs: 60_000 })).toEqual({ ok: true })
    expect(await f.send('message:broadcast', { text: 'Two more minutes' })).toEqual({ ok: true })
    expect(framesCarrying(raw.received, 'alone')).toBe(0)
    expect(readNotes(stock.doc)).toEqual([])

    expect(await f.send('phase:reveal', {})).toEqual({ ok: true })
    // Bram is still away; the board has his note with Anna's, each relayed once.
    const expected = [anna, bram].sort((a, b) => a.id.localeCompare(b.id))
    await eventually(() => expect(readNotes(stock.doc)).toEqual(expected))
    await eventually(() => expect(readNotes(boardFromFrames(raw.received))).toEqual(expected))
    expect(framesCarrying(raw.received, anna.text)).toBe(1)
    expect(framesCarrying(raw.received, bram.text)).toBe(1)
    expect(f.state?.revealed).toBe(true)
    expect(f.state).not.toHaveProperty('revealPending')

    const fresh = track(openBoard(running.wsUrl, board, w.tokens.observer), (b) =>
      b.provider.destroy(),
    )
    const freshOther = track(openBoard(running.wsUrl, other, w.tokens.observer), (b) =>
      b.provider.destroy(),
    )
    await Promise.all([synced(fresh.provider), synced(freshOther.provider)])
    expect(readNotes(fresh.doc)).toEqual(expected)
    expect(readNotes(freshOther.doc)).toEqual([bramElsewhere])

    // The private rooms are empty: Anna, online, saw hers emptied; Bram's are empty on the server.
    await eventually(() => expect(readNotes(annaPrivate.doc)).toEqual([]))
    for (const boardId of [board, other]) {
      const room = track(openBoard(running.wsUrl, privateRoom(boardId, bramKey), bramToken), (b) =>
        b.provider.destroy(),
      )
      await synced(room.provider)
      expect(readNotes(room.doc)).toEqual([])
    }

    // Bram comes back with the tab he left: it still holds his note, and one he wrote offline.
    addNote(
      bramPrivate.doc,
      asNoteId('bram-offline'),
      { category: 'friction', x: 700, y: 500, text: 'Written offline', author: 'Bram' },
      userOrigin('Bram'),
    )
    const back = track(
      openBoard(running.wsUrl, privateRoom(board, bramKey), bramToken, bramPrivate.doc),
      (b) => b.provider.destroy(),
    )
    const backBoard = track(openBoard(running.wsUrl, board, w.tokens.participant), (b) =>
      b.provider.destroy(),
    )
    await Promise.all([synced(back.provider), synced(backBoard.provider)])
    // The server's move reached his tab; the offline note is left for his board page's catch-up.
    expect(readNotes(back.doc).map((n) => n.id)).toEqual(['bram-offline'])
    const origin = userOrigin('reveal')
    deleteNotes(back.doc, copyNotes(readNotes(back.doc), backBoard.doc, origin), origin)
    await eventually(() =>
      expect(readNotes(fresh.doc).map((n) => [n.id, n.text])).toEqual([
        [anna.id, anna.text],
        [bram.id, bram.text],
        ['bram-offline', 'Written offline'],
      ]),
    )
    expect(framesCarrying(raw.received, bram.text)).toBe(1)
  })

  it('[C19] leaving private writing without a reveal moves the notes too; the next round stays private until its own', async () => {
    const { running, w, board, f, bramControl, annaKey, bramKey, write } =
      await workshopInPrivateWriting()
    const bramPrivate = await write(bramKey, board, [bram])
    bramPrivate.provider.destroy()
    bramControl.close()
    const raw = track(openRaw(running.wsUrl, board, w.tokens.observer), (r) => r.ws.close())
    await raw.opened

    expect(await f.send('phase:set', { phase: 'solutions' })).toEqual({ ok: true })
    await eventually(() => expect(readNotes(boardFromFrames(raw.received))).toEqual([bram]))

    // A second round of private writing: the same rooms, empty, and private again.
    expect(await f.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
    const second = await write(annaKey, board, [anna])
    expect(await f.send('timer:start', { durationMs: 30_000 })).toEqual({ ok: true })
    expect(framesCarrying(raw.received, anna.text)).toBe(0)
    expect(await f.send('phase:reveal', {})).toEqual({ ok: true })
    await eventually(() => expect(readNotes(boardFromFrames(raw.received))).toEqual([anna, bram]))
    await eventually(() => expect(readNotes(second.doc)).toEqual([]))
  })
})

describe('control plane: the reveal and the method ([G3])', () => {
  it('[C19] [G3] a position marked privately, and the interest found beneath it, reach the board with their link', async () => {
    const { running, w, board, f, annaKey, annaToken, write } = await workshopInPrivateWriting()
    const annaPrivate = await write(annaKey, board, [anna])
    const origin = userOrigin('Anna')
    markPosition(annaPrivate.doc, asNoteId(anna.id), true, origin)
    answerPosition(
      annaPrivate.doc,
      asNoteId(anna.id),
      asNoteId('anna-why'),
      { text: 'Customers leave after a week', author: 'Anna', authorSide: 0 },
      origin,
    )
    const witness = track(openBoard(running.wsUrl, board, w.tokens.observer), (b) =>
      b.provider.destroy(),
    )
    await synced(witness.provider)
    // The room has them on the server before the reveal.
    await eventually(async () => {
      const room = track(openBoard(running.wsUrl, privateRoom(board, annaKey), annaToken), (b) =>
        b.provider.destroy(),
      )
      await synced(room.provider)
      expect(readBoard(room.doc).links).toHaveLength(1)
    })
    expect(await f.send('phase:reveal', {})).toEqual({ ok: true })
    await eventually(() =>
      expect(readBoard(witness.doc).links).toEqual([
        { from: anna.id, to: 'anna-why', author: 'Anna' },
      ]),
    )
    expect(readNotes(witness.doc).find((n) => n.id === anna.id)?.position).toBe(true)
  })
})
