import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import type { ServerOptions } from '@sparboard/server'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { awarenessUpdate, frames, openRaw, type RawClient } from '../support/rawClient.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()

const awarenessFor = (client: number, clock: number, state: unknown) =>
  frames.awareness(awarenessUpdate(client, clock, state))

/** What a listener heard of one awareness client: how many messages, bytes, and the last clock. */
function heardOf(listener: RawClient, client: number) {
  let messages = 0
  let bytes = 0
  let clock = 0
  for (const data of listener.received) {
    const d = decoding.createDecoder(data)
    if (decoding.readVarUint(d) !== 1) continue
    const update = decoding.createDecoder(decoding.readVarUint8Array(d))
    for (let n = decoding.readVarUint(update); n > 0; n--) {
      const id = decoding.readVarUint(update)
      const at = decoding.readVarUint(update)
      const state = decoding.readVarString(update)
      if (id !== client) continue
      messages++
      bytes += state.length
      clock = Math.max(clock, at)
    }
  }
  return { messages, bytes, clock }
}

async function board(hub: ServerOptions['hub'] = {}) {
  const r = track(await startServer({ hub }), (s) => s.stop())
  const w = await createWorkshop(r.url)
  const boardId = w.boards[0]!.id
  const raw = (token = w.tokens.observer) =>
    track(openRaw(r.wsUrl, boardId, token), (c) => c.ws.terminate())
  const peer = track(openBoard(r.wsUrl, boardId, w.tokens.participant), (c) => c.provider.destroy())
  await synced(peer.provider)
  return { r, raw, peer }
}

describe('awareness budget (issue 15, finding 7)', () => {
  it('[H24] an observer flooding awareness is cut to its budget; listeners end on its latest state', async () => {
    const { raw } = await board({
      awarenessMessagesPerSecond: 5,
      awarenessMessageBurst: 5,
      awarenessFloodFactor: 100,
    })
    const listeners = [raw(), raw(), raw()]
    const flooder = raw()
    await Promise.all([...listeners, flooder].map((c) => c.opened))
    const started = performance.now()
    for (let clock = 1; clock <= 200; clock++)
      flooder.send(awarenessFor(4242, clock, { cursor: { x: clock, y: clock } }))
    // The newest state always arrives, however much was dropped before it.
    for (const listener of listeners)
      await eventually(() => expect(heardOf(listener, 4242).clock).toBe(200))
    const seconds = (performance.now() - started) / 1000
    for (const listener of listeners) {
      const heard = heardOf(listener, 4242).messages
      // The burst, then five a second: a small part of the 200 sent.
      expect(heard).toBeLessThanOrEqual(5 + Math.ceil(5 * seconds) + 1)
      expect(heard).toBeLessThan(50)
    }
  })

  it('[H24] closes an observer sending megabytes of awareness with 4429; its peers go on', async () => {
    // Default budgets: the review sent 36 MB in 14 s and the hub relayed 722 MB to 20 listeners.
    const { r, raw, peer } = await board()
    const listener = raw()
    const flooder = raw()
    await Promise.all([listener.opened, flooder.opened])
    const padding = 'x'.repeat(15 * 1024)
    for (let clock = 1; clock <= 200 && flooder.ws.readyState === flooder.ws.OPEN; clock++)
      flooder.send(awarenessFor(777, clock, { padding }))
    expect(await flooder.closed).toBe(4429)
    // What reached the listener is the burst of a well-behaved client, not the 3 MB sent.
    expect(heardOf(listener, 777).bytes).toBeLessThanOrEqual(512 * 1024)
    peer.provider.awareness.setLocalStateField('user', { name: 'Bo' })
    await eventually(() => {
      const seen = heardOf(listener, peer.doc.clientID)
      expect(seen.messages).toBeGreaterThan(0)
    })
    const metrics = await (await fetch(`${r.url}/metrics`)).text()
    expect(metrics).toContain('sparboard_rejected_messages_total{reason="awareness_flood"} 1')
  })

  it('[H24] a board relays awareness within its budget however many listen, coalescing changes', async () => {
    const { raw } = await board({ awarenessRelaySendsPerSecond: 40, awarenessRelaySendBurst: 20 })
    const listeners = Array.from({ length: 10 }, () => raw())
    const senders = [raw(), raw(), raw()]
    await Promise.all([...listeners, ...senders].map((c) => c.opened))
    const started = performance.now()
    // Three people moving within their own budgets: 3 x 20 changes for 14 connections.
    for (let clock = 1; clock <= 20; clock++)
      for (const [i, sender] of senders.entries())
        sender.send(awarenessFor(9000 + i, clock, { cursor: { x: clock, y: i } }))
    for (const listener of listeners)
      for (let i = 0; i < 3; i++)
        await eventually(() => expect(heardOf(listener, 9000 + i).clock).toBe(20))
    const seconds = (performance.now() - started) / 1000
    // 14 receivers a message: the burst of 20 sends and 40 a second allow few messages.
    const messages = listeners[0]!.received.filter((m) => m[0] === 1).length
    expect(messages).toBeLessThanOrEqual(Math.ceil((20 + 40 * seconds) / 14) + 2)
    expect(messages).toBeLessThan(60)
  })
})
