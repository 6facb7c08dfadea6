import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { binaryFrame, writeFramed } from './wireFrame.js'

/** A real `ws` server and client on loopback: the server's socket for the pair, and what the client got. */
async function pair() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await once(wss, 'listening')
  const accepted = once(wss, 'connection') as Promise<[WebSocket]>
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`)
  const received: Buffer[] = []
  client.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) received.push(data)
  })
  const [[server]] = await Promise.all([accepted, once(client, 'open')])
  const closed = { done: false }
  client.on('close', () => (closed.done = true))
  const receivedCount = async (n: number) => {
    while (received.length < n && !closed.done) await once(client, 'message')
  }
  return { wss, server, client, received, receivedCount, closed }
}

const open: { wss: WebSocketServer; client: WebSocket }[] = []
afterEach(async () => {
  for (const { wss, client } of open.splice(0)) {
    client.terminate()
    await new Promise((resolve) => wss.close(resolve))
  }
})

const payload = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + n) % 256)

describe('[H3] a relayed update framed once for every receiver', () => {
  it('reaches a stock ws client byte for byte in each of the three length forms', async () => {
    const p = await pair()
    open.push(p)
    // 7-bit, 16-bit and 64-bit lengths, each at its edges
    const sizes = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000]
    for (const n of sizes) expect(writeFramed(p.server, binaryFrame(payload(n)))).toBe(true)
    await p.receivedCount(sizes.length)
    expect(p.closed.done).toBe(false)
    expect(p.received.map((b) => b.byteLength)).toEqual(sizes)
    sizes.forEach((n, i) => expect(Buffer.compare(p.received[i]!, Buffer.from(payload(n)))).toBe(0))
  })

  it('keeps its place among what ws sends itself, and counts in bufferedAmount as ws does', async () => {
    const p = await pair()
    open.push(p)
    p.server.send(payload(3))
    expect(writeFramed(p.server, binaryFrame(payload(4)))).toBe(true)
    p.server.send(payload(5))
    await p.receivedCount(3)
    expect(p.received.map((b) => b.byteLength)).toEqual([3, 4, 5])
    // a peer that stops reading: what waits in the socket shows in bufferedAmount ([H12])
    p.client.pause()
    const big = binaryFrame(payload(1 << 20))
    for (let i = 0; i < 16; i++) writeFramed(p.server, big)
    expect(p.server.bufferedAmount).toBeGreaterThan(1 << 20)
  })

  it('leaves a socket that is not open, or not a ws socket, to the ordinary send', async () => {
    const p = await pair()
    open.push(p)
    p.server.close(1000, 'bye')
    expect(writeFramed(p.server, binaryFrame(payload(3)))).toBe(false)
    const inMemory = { readyState: 1, bufferedAmount: 0, send() {}, close() {}, terminate() {} }
    expect(writeFramed(inMemory, binaryFrame(payload(3)))).toBe(false)
  })
})
