import { describe, expect, it } from 'vitest'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { startPrivateRedis } from '../support/privateRedis.js'
import { scaleServicesUp, scaleSpace, startScaleNode } from '../support/scaleCluster.js'
import { createWorkshop } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'

const up = await scaleServicesUp()
const track = cleanupAfterEach()

const health = async (url: string) => {
  const res = await fetch(`${url}/healthz`)
  return { status: res.status, body: (await res.json()) as unknown }
}
const ok = { status: 200, body: { status: 'ok', services: { redis: 'up', postgres: 'up' } } }

describe.skipIf(!up)('scale-out: a node that cannot subscribe', () => {
  it('[S7] a node whose Redis subscriptions are refused answers /healthz 503 and closes its boards, until it subscribes again', async () => {
    const redis = track(await startPrivateRedis(), (r) => r.stop())
    await redis.admin.call('ACL', 'SETUSER', 'node', 'on', '>node-secret', '~*', '&*', '+@all')
    const space = scaleSpace(redis.url)
    track(space, (s) => s.drop())
    const node = track(
      await startScaleNode(space, {
        redisUrl: `redis://node:node-secret@127.0.0.1:${redis.port}`,
      }),
      (n) => n.stop(),
    )
    const w = await createWorkshop(node.url)
    await eventually(async () => expect(await health(node.url)).toEqual(ok))
    const client = track(openBoard(node.wsUrl, w.boards[0]!.id, w.tokens.participant), (c) =>
      c.provider.destroy(),
    )
    await synced(client.provider)

    // Redis still answers commands, but no channel may be heard: revocations would be missed.
    const closed = closedWith(client.provider)
    await redis.admin.call('ACL', 'SETUSER', 'node', 'resetchannels')
    await eventually(async () =>
      expect(await health(node.url)).toEqual({
        status: 503,
        body: { status: 'unavailable', services: { redis: 'down', postgres: 'up' } },
      }),
    )
    expect(await closed).toBe(1011)

    await redis.admin.call('ACL', 'SETUSER', 'node', 'allchannels')
    await eventually(async () => expect(await health(node.url)).toEqual(ok), 15_000)
    await eventually(() => expect(client.provider.wsconnected && client.provider.synced).toBe(true))
  })
})
