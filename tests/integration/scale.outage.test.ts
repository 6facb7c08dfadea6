import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import {
  databaseUrl,
  redisUrl,
  scaleServicesUp,
  scaleSpace,
  startBalancer,
  startScaleNode,
} from '../support/scaleCluster.js'
import { createWorkshop } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const up = await scaleServicesUp()
const track = cleanupAfterEach()
const notes = (doc: Y.Doc) => doc.getMap<string>('notes').toJSON() as Record<string, string>

const health = async (url: string) => {
  const res = await fetch(`${url}/healthz`)
  return { status: res.status, body: (await res.json()) as unknown }
}
const other = { redis: 'postgres', postgres: 'redis' } as const
const ok = { status: 200, body: { status: 'ok', services: { redis: 'up', postgres: 'up' } } }

/** A stand-in for the service that can fail: the nodes reach it through a loopback proxy. */
async function proxied(url: string) {
  const target = new URL(url)
  const proxy = track(await startBalancer(() => [Number(target.port)], target.hostname), (p) =>
    p.close(),
  )
  const via = new URL(url)
  via.port = new URL(proxy.url).port
  via.hostname = '127.0.0.1'
  return { proxy, url: via.toString() }
}

describe.skipIf(!up)('scale-out: Redis or PostgreSQL goes away', () => {
  for (const service of ['redis', 'postgres'] as const) {
    it(`[S7] a ${service} outage: clients show "reconnecting", nothing accepted is lost, service resumes when it returns`, async () => {
      const space = scaleSpace()
      track(space, (s) => s.drop())
      const { proxy, url } = await proxied(service === 'redis' ? redisUrl : databaseUrl)
      const via = service === 'redis' ? { redisUrl: url } : { databaseUrl: url }
      const [a, b] = [
        track(await startScaleNode(space, via), (n) => n.stop()),
        track(await startScaleNode(space, via), (n) => n.stop()),
      ]
      const w = await createWorkshop(a.url)
      const board = w.boards[0]!.id
      const clients = [a, b].map((node) =>
        track(openBoard(node.wsUrl, board, w.tokens.participant), (c) => c.provider.destroy()),
      )
      await Promise.all(clients.map((c) => synced(c.provider)))
      clients[0]!.doc.getMap('notes').set('before', 'a')
      await eventually(() => expect(notes(clients[1]!.doc).before).toBe('a'))

      proxy.setDown(true)
      const closes: number[] = []
      const first: number[] = []
      for (const [i, c] of clients.entries())
        c.provider.on('connection-close', (e) => {
          closes.push(e?.code ?? -1)
          first[i] ??= e?.code ?? -1
        })
      await eventually(() => {
        for (const c of clients) expect(c.provider.wsconnected).toBe(false)
      }, 8000)
      // The node closes each client with 1011; retries meanwhile may find the socket cut (1006).
      expect(first).toEqual([1011, 1011])
      expect(closes.every((code) => code === 1011 || code === 1006)).toBe(true)
      // The balancer is told: each node's health check names the service that is down.
      for (const node of [a, b])
        await eventually(async () =>
          expect(await health(node.url)).toEqual({
            status: 503,
            body: {
              status: 'unavailable',
              services: { [service]: 'down', [other[service]]: 'up' },
            },
          }),
        )
      // Both keep working offline, as the stock client does while it reconnects.
      clients[0]!.doc.getMap('notes').set('during-a', 'a')
      clients[1]!.doc.getMap('notes').set('during-b', 'b')

      proxy.setDown(false)
      await eventually(() => {
        for (const c of clients) expect(c.provider.wsconnected && c.provider.synced).toBe(true)
        for (const c of clients)
          expect(Object.keys(notes(c.doc)).sort()).toEqual(['before', 'during-a', 'during-b'])
      }, 20_000)
      for (const node of [a, b])
        await eventually(async () =>
          expect(await health(node.url)).toEqual({
            status: 200,
            body: { status: 'ok', services: { redis: 'up', postgres: 'up' } },
          }),
        )
      // A fresh node has it all, from Redis and PostgreSQL alone.
      const fresh = track(await startScaleNode(space), (n) => n.stop())
      const late = track(openBoard(fresh.wsUrl, board, w.tokens.observer), (c) =>
        c.provider.destroy(),
      )
      await synced(late.provider)
      expect(notes(late.doc)).toEqual({ before: 'a', 'during-a': 'a', 'during-b': 'b' })
    })
  }

  for (const service of ['redis', 'postgres'] as const) {
    it(`[S7] a node that alone cannot reach ${service} answers /healthz 503 until it can again; the others stay 200`, async () => {
      const space = scaleSpace()
      track(space, (s) => s.drop())
      const { proxy, url } = await proxied(service === 'redis' ? redisUrl : databaseUrl)
      const cutOff = track(
        await startScaleNode(space, service === 'redis' ? { redisUrl: url } : { databaseUrl: url }),
        (n) => n.stop(),
      )
      const fine = track(await startScaleNode(space), (n) => n.stop())
      // The node has served a request on both services before the cut.
      await createWorkshop(cutOff.url)
      expect(await health(cutOff.url)).toEqual(ok)

      proxy.setDown(true)
      await eventually(async () =>
        expect(await health(cutOff.url)).toEqual({
          status: 503,
          body: { status: 'unavailable', services: { [service]: 'down', [other[service]]: 'up' } },
        }),
      )
      expect(await health(fine.url)).toEqual(ok)
      proxy.setDown(false)
      await eventually(async () => expect(await health(cutOff.url)).toEqual(ok), 15_000)
    })
  }

  it('[S7] a node started while PostgreSQL is away answers /healthz 503, and serves once it is back', async () => {
    const space = scaleSpace()
    track(space, (s) => s.drop())
    const { proxy, url } = await proxied(databaseUrl)
    proxy.setDown(true)
    const node = track(await startScaleNode(space, { databaseUrl: url }), (n) => n.stop())
    await eventually(async () =>
      expect(await health(node.url)).toEqual({
        status: 503,
        body: { status: 'unavailable', services: { redis: 'up', postgres: 'down' } },
      }),
    )
    proxy.setDown(false)
    await eventually(async () => expect(await health(node.url)).toEqual(ok), 15_000)
    // Its tables were made after all: it serves a whole workshop.
    const w = await createWorkshop(node.url)
    const writer = track(openBoard(node.wsUrl, w.boards[0]!.id, w.tokens.participant), (c) =>
      c.provider.destroy(),
    )
    await synced(writer.provider)
  })
})
