import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readNotes } from '@sparboard/board-model'
import { privateRoom } from '@sparboard/protocol'
import { createLogger } from '@sparboard/server'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { framesCarrying, writePrivately, type PrivateNote } from '../support/privateWriting.js'
import { frames, openRaw } from '../support/rawClient.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()

const note = (author: string, id: string, text: string): PrivateNote => ({
  id,
  text,
  category: 'friction',
  side: null,
  authorSide: 0,
  x: 300,
  y: 300,
  author,
})

/** A logger whose lines a test can read, as an operator would in the log files. */
function capturedLogger() {
  const lines: string[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean))
      done()
    },
  })
  return { logger: createLogger('debug', sink), lines }
}

async function privateWriting(options: Parameters<typeof startServer>[0] = {}) {
  const running = track(await startServer(options), (r) => r.stop())
  const w = await createWorkshop(running.url)
  const boardId = w.boards[0]!.id
  const control = (token: string) => track(openControl(running.url, token), (c) => c.close())
  const f = control(w.tokens.facilitator)
  await connected(f)
  const join = async (name: string) => {
    const c = control(w.tokens.participant)
    await connected(c)
    const joined = await c.send('session:join', { name, side: 0 })
    if (!joined.ok || !joined.privateKey || !joined.personalToken) throw new Error('join refused')
    return {
      control: c,
      id: joined.participantId,
      token: joined.personalToken,
      room: privateRoom(boardId, joined.privateKey),
    }
  }
  const [anna, bram] = [await join('Anna'), await join('Bram')]
  expect(await f.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
  return { running, w, boardId, f, anna, bram }
}

describe('control plane: private rooms are their participant’s alone ([H27], [C13])', () => {
  it('[H27] a private room admits only its participant’s own token: any other is closed with 4403', async () => {
    const { running, w, anna, bram } = await privateWriting()
    const others = [w.tokens.participant, bram.token, w.tokens.facilitator, w.tokens.observer]
    for (const token of others) {
      const raw = track(openRaw(running.wsUrl, anna.room, token), (r) => r.ws.terminate())
      expect(await raw.closed).toBe(4403)
    }
    const own = track(openBoard(running.wsUrl, anna.room, anna.token), (b) => b.provider.destroy())
    await synced(own.provider)
  })

  it('[H27] a removed participant’s private room is closed (4401) and its notes are never revealed', async () => {
    const { running, w, boardId, f, anna, bram } = await privateWriting()
    const annaTab = track(
      await writePrivately(running.wsUrl, anna.room, anna.token, [
        note('Anna', 'anna-1', 'Anna alone, then removed'),
      ]),
      (a) => a.provider.destroy(),
    )
    track(
      await writePrivately(running.wsUrl, bram.room, bram.token, [
        note('Bram', 'bram-1', 'Bram alone'),
      ]),
      (a) => a.provider.destroy(),
    )
    const board = track(openRaw(running.wsUrl, boardId, w.tokens.observer), (r) => r.ws.close())
    await board.opened
    const closed = closedWith(annaTab.provider)
    expect(await f.send('participant:remove', { participantId: anna.id })).toEqual({ ok: true })
    expect(await closed).toBe(4401)
    // Her link still opens the workshop, but not her room.
    const retry = track(openRaw(running.wsUrl, anna.room, w.tokens.participant), (r) =>
      r.ws.terminate(),
    )
    expect(await retry.closed).toBe(4403)
    expect(await f.send('phase:reveal', {})).toEqual({ ok: true })
    const watcher = track(openBoard(running.wsUrl, boardId, w.tokens.observer), (b) =>
      b.provider.destroy(),
    )
    await synced(watcher.provider)
    expect(readNotes(watcher.doc).map((n) => n.id)).toEqual(['bram-1'])
    await eventually(() => expect(framesCarrying(board.received, 'Bram alone')).toBe(1))
    expect(framesCarrying(board.received, 'Anna alone')).toBe(0)
  })

  it('[C13] private:count can only be set by a participant for themselves', async () => {
    const { f, anna, bram, boardId } = await privateWriting()
    expect(
      await anna.control.send('private:count', { participantId: bram.id, boardId, count: 7 }),
    ).toEqual({ ok: false, error: 'forbidden', field: 'participantId' })
    expect(
      await anna.control.send('private:count', { participantId: anna.id, boardId, count: 2 }),
    ).toEqual({ ok: true })
    await eventually(() => expect(f.state?.privateCounts).toEqual({ [`${boardId}/${anna.id}`]: 2 }))
  })

  it('[H27] private room keys never reach a log line', async () => {
    const { logger, lines } = capturedLogger()
    const { running, w, anna } = await privateWriting({ logger })
    const secret = anna.room.split('~p~')[1]!
    // A refused token, a malformed frame and an access-log line, all naming the room.
    const refused = track(openRaw(running.wsUrl, anna.room, w.tokens.participant), (r) =>
      r.ws.terminate(),
    )
    expect(await refused.closed).toBe(4403)
    const own = track(openRaw(running.wsUrl, anna.room, anna.token), (r) => r.ws.terminate())
    await own.opened
    own.send(Uint8Array.of(0, 9, 9))
    expect(await own.closed).toBe(4400)
    await fetch(`${running.url}/yjs/${encodeURIComponent(anna.room)}?x=1`)
    await eventually(() => expect(lines.join('\n')).toContain('~p~[redacted]'))
    expect(lines.filter((l) => l.includes(secret) || l.includes(secret.slice(-12)))).toEqual([])
  })

  it('[C19] a pending move that finds a new private round only clears the mark', async () => {
    const { running, w, boardId, f, anna } = await privateWriting({
      hub: { maxBoardBytes: 60_000 },
    })
    track(
      await writePrivately(running.wsUrl, anna.room, anna.token, [
        note('Anna', 'anna-1', 'a'.repeat(1900)),
      ]),
      (a) => a.provider.destroy(),
    )
    // The board is full: the reveal's move fails and stays pending.
    const filler = track(openRaw(running.wsUrl, boardId, w.tokens.participant), (r) =>
      r.ws.terminate(),
    )
    await filler.opened
    const junk = new Y.Doc()
    junk.getMap('junk').set('fill', 'x'.repeat(59_000))
    filler.send(frames.update(Y.encodeStateAsUpdate(junk)))
    const watcher = track(openBoard(running.wsUrl, boardId, w.tokens.observer), (b) =>
      b.provider.destroy(),
    )
    await eventually(() => expect(watcher.doc.getMap('junk').has('fill')).toBe(true))
    expect((await f.send('phase:reveal', {})).ok).toBe(false)
    expect(await running.server.store.pendingReveals()).toEqual([w.id])
    // Moving on tries again (and fails again); a new private round then only clears the mark.
    expect((await f.send('phase:set', { phase: 'solutions' })).ok).toBe(false)
    expect(await f.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
    expect(await running.server.store.pendingReveals()).toEqual([])
    // The note stays with its author, for this round's reveal to move.
    const own = track(openBoard(running.wsUrl, anna.room, anna.token), (b) => b.provider.destroy())
    await synced(own.provider)
    expect(readNotes(own.doc).map((n) => n.id)).toEqual(['anna-1'])
    expect(readNotes(watcher.doc)).toEqual([])
  })
})
