import { Redis } from 'ioredis'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { privateRoom } from '@sparboard/protocol'
import { PostgresStore } from '@sparboard/server'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import {
  databaseUrl,
  redisUrl,
  scaleServicesUp,
  scaleSpace,
  spawnScaleNode,
  startScaleNode,
  type ScaleSpace,
} from '../support/scaleCluster.js'
import { createWorkshop } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const up = await scaleServicesUp()
const track = cleanupAfterEach()
const notes = (doc: Y.Doc) => doc.getMap<string>('notes').toJSON() as Record<string, string>
/** A sweep every node would do on its own, only rarely, so that the test decides when. */
const byHand = { sweepIntervalMs: 3_600_000 }

/** A board client that also keeps, in a doc of its own, only what the server sent it. */
function receivingClient(wsUrl: string, room: string, token: string) {
  const client = track(openBoard(wsUrl, room, token), (c) => c.provider.destroy())
  const received = new Y.Doc()
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === client.provider) Y.applyUpdate(received, update)
  })
  return { ...client, received }
}

const redisClient = () => track(new Redis(redisUrl), (r) => r.disconnect())
const pgStore = (space: ScaleSpace) =>
  track(new PostgresStore({ connectionString: databaseUrl, schema: space.schema }), (s) =>
    s.close(),
  )

/** The notes of a room as PostgreSQL alone holds them (its snapshot). */
async function snapshotNotes(store: PostgresStore, room: string) {
  const saved = await store.loadStreamSnapshot(room)
  const doc = new Y.Doc()
  if (saved.snapshot) Y.applyUpdate(doc, saved.snapshot)
  return notes(doc)
}

async function fetchNotes(wsUrl: string, room: string, token: string) {
  const late = track(openBoard(wsUrl, room, token), (c) => c.provider.destroy())
  await synced(late.provider)
  return notes(late.doc)
}

describe.skipIf(!up)('scale-out: the periodic sweep of board streams', () => {
  it('[S11] a node is killed -9 and nobody opens its board again: the sweep folds its streams (board and private room) into PostgreSQL and empties them', async () => {
    const space = scaleSpace()
    track(space, (s) => s.drop())
    const child = track(await spawnScaleNode(space), (c) => c.stop())
    // The two other nodes never open the board; they only sweep, 25 entries of a stream at a
    // time, so that each fold builds on the snapshot of the one before.
    const compaction = { sweepIntervalMs: 200, graceMs: 500, sweepEntries: 25 }
    for (let i = 0; i < 2; i++) track(await startScaleNode(space, { compaction }), (n) => n.stop())
    const w = await createWorkshop(child.url)
    const board = w.boards[0]!.id
    const anna = track(openControl(child.url, w.tokens.participant), (c) => c.close())
    await connected(anna)
    const joined = await anna.send('session:join', { name: 'Anna', side: 0 })
    if (!joined.ok || !joined.privateKey || !joined.personalToken) throw new Error('no private key')
    const room = privateRoom(board, joined.privateKey)
    const rooms = [board, board, room, room]
    // [H27] the private room opens to Anna's own token only
    const tokenFor = (r: string) => (r === room ? joined.personalToken! : w.tokens.participant)
    const clients = rooms.map((r) => receivingClient(child.wsUrl, r, tokenFor(r)))
    await Promise.all(clients.map((c) => synced(c.provider)))

    // Everyone types until the node dies.
    let step = 0
    const typing = setInterval(() => {
      for (const [i, c] of clients.entries()) c.doc.getMap('notes').set(`c${i}-${step}`, `v${step}`)
      step++
    }, 5)
    await eventually(() => {
      for (const c of clients) expect(Object.keys(notes(c.received)).length).toBeGreaterThan(20)
    })
    child.proc.kill('SIGKILL')
    await child.exited
    clearInterval(typing)
    // What the server had sent any client of each room when it died.
    const received = (r: string) =>
      Object.assign(
        {},
        ...clients.filter((_, i) => rooms[i] === r).map((c) => notes(c.received)),
      ) as Record<string, string>
    const had = { [board]: received(board), [room]: received(room) }
    // Nobody reconnects anywhere: no node opens these rooms again before the sweep.
    for (const c of clients) c.provider.disconnect()
    anna.close()

    const redis = redisClient()
    const streams = [board, room].map((r) => `${space.keyPrefix}log:${r}`)
    for (const stream of streams) expect(await redis.xlen(stream)).toBeGreaterThan(0)
    await eventually(async () => {
      for (const stream of streams) expect(await redis.xlen(stream)).toBe(0)
    }, 20_000)

    const store = pgStore(space)
    const fresh = track(await startScaleNode(space), (n) => n.stop())
    for (const r of [board, room]) {
      const inPostgres = await snapshotNotes(store, r)
      for (const [key, value] of Object.entries(had[r]!)) expect(inPostgres[key]).toBe(value)
      // The stream is empty: a node opening the room has exactly what PostgreSQL holds.
      expect(await fetchNotes(fresh.wsUrl, r, tokenFor(r))).toEqual(inPostgres)
    }
  })

  it('[S11] sweeps racing live writes on another node lose nothing', async () => {
    const space = scaleSpace()
    track(space, (s) => s.drop())
    const compaction = { graceMs: 300, ...byHand }
    // The writers' node compacts too, every ~2 s, so that its leases and snapshots race the sweeps.
    const writerNode = track(
      await startScaleNode(space, { compaction, hub: { compactAfterRows: 400 } }),
      (n) => n.stop(),
    )
    const sweepers = [
      track(await startScaleNode(space, { compaction }), (n) => n.stop()),
      track(await startScaleNode(space, { compaction }), (n) => n.stop()),
    ]
    const w = await createWorkshop(writerNode.url)
    const board = w.boards[0]!.id
    const writers = [0, 1].map(() =>
      track(openBoard(writerNode.wsUrl, board, w.tokens.participant), (c) => c.provider.destroy()),
    )
    await Promise.all(writers.map((c) => synced(c.provider)))

    let step = 0
    const typing = setInterval(() => {
      for (const [i, c] of writers.entries())
        c.doc.transact(() => {
          c.doc.getMap('notes').set(`w${i}-${step}`, `v${step}`)
          // One note both keep rewriting: its last value must be the one everyone ends with.
          c.doc.getMap('notes').set('shared', `w${i}-${step}`)
        })
      step++
    }, 5)
    let folds = 0
    try {
      for (let round = 0; folds < 6 && round < 400; round++) {
        const results = await Promise.all(sweepers.map((n) => n.scaleOut.sweeper.sweep()))
        folds += results.reduce((n, r) => n + r.folded, 0)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    } finally {
      clearInterval(typing)
    }
    expect(folds).toBeGreaterThanOrEqual(6)

    await eventually(() => expect(notes(writers[1]!.doc)).toEqual(notes(writers[0]!.doc)))
    const accepted = notes(writers[0]!.doc)
    expect(Object.keys(accepted).length).toBeGreaterThan(50)
    const fresh = track(await startScaleNode(space), (n) => n.stop())
    expect(await fetchNotes(fresh.wsUrl, board, w.tokens.observer)).toEqual(accepted)

    // The writers leave (their node folds the board on unload), the sweeps finish the stream.
    for (const c of writers) c.provider.disconnect()
    const redis = redisClient()
    const stream = `${space.keyPrefix}log:${board}`
    await eventually(async () => {
      await sweepers[0]!.scaleOut.sweeper.sweep()
      expect(await redis.xlen(stream)).toBe(0)
    })
    expect(await snapshotNotes(pgStore(space), board)).toEqual(accepted)
  })

  it('[S11] the stream of a room whose workshop is gone from PostgreSQL is deleted, not folded', async () => {
    const space = scaleSpace()
    track(space, (s) => s.drop())
    const node = track(
      await startScaleNode(space, { compaction: { graceMs: 0, ...byHand } }),
      (n) => n.stop(),
    )
    const w = await createWorkshop(node.url)
    const board = w.boards[0]!.id
    const room = privateRoom(board, 'k'.repeat(22))
    const store = pgStore(space)
    await store.addRooms(w.id, [room])
    // Writes that outlived their workshop: the workshop was deleted while Redis was away, so
    // nothing told Redis (a node would XADD exactly this for a note).
    const redis = redisClient()
    const doc = new Y.Doc()
    doc.getMap('notes').set('orphan', 'of a deleted workshop')
    const streams = [board, room].map((r) => `${space.keyPrefix}log:${r}`)
    for (const stream of streams)
      await redis.xadd(stream, '*', 'n', 'gone', 'u', Buffer.from(Y.encodeStateAsUpdate(doc)))
    const admin = track(new pg.Client({ connectionString: databaseUrl }), (c) => c.end())
    await admin.connect()
    await admin.query(`DELETE FROM ${space.schema}.workshops WHERE id = $1`, [w.id])

    // Entries of this very millisecond are not older than even a zero grace: retry.
    let deleted = 0
    await eventually(async () => {
      deleted += (await node.scaleOut.sweeper.sweep()).deleted
      expect(deleted).toBe(2)
    })
    for (const stream of streams) expect(await redis.exists(stream)).toBe(0)
    // Nothing came back to life in PostgreSQL either.
    for (const r of [board, room]) expect(await store.findBoardWorkshop(r)).toBeNull()
  })
})
