import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addNote, asNoteId, userOrigin } from '@sparboard/board-model'
import * as Y from 'yjs'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { prng } from '../support/prng.js'
import { frames, openRaw } from '../support/rawClient.js'
import {
  databaseUrl,
  redisUrl,
  scaleServicesUp,
  scaleSpace,
  spawnScaleNode,
  startBalancer,
  startScaleNode,
  type ScaleSpace,
} from '../support/scaleCluster.js'
import { createWorkshop, type RunningServer } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const up = await scaleServicesUp()
const track = cleanupAfterEach()
const notes = (doc: Y.Doc) => doc.getMap<string>('notes').toJSON() as Record<string, string>

/** Resolves once every doc holds all that `from` has written itself (its clock in their state). */
const heardFrom = (from: Y.Doc, docs: Y.Doc[]) =>
  eventually(() => {
    const clock = Y.getState(from.store, from.clientID)
    for (const d of docs) expect(Y.getState(d.store, from.clientID)).toBe(clock)
  })

describe.skipIf(!up)('scale-out: three nodes on one Redis and one PostgreSQL', () => {
  let space: ScaleSpace
  let nodes: RunningServer[] = []
  beforeAll(async () => {
    space = scaleSpace()
    nodes = await Promise.all([0, 1, 2].map(() => startScaleNode(space)))
    // The cluster has formed once each node's socket.io adapter has heard of the others (they
    // announce themselves by heartbeat): a control client on every node counts all three.
    const w = await createWorkshop(nodes[0]!.url)
    const probes = nodes.map((n) => openControl(n.url, w.tokens.observer))
    const online = probes.map(() => 0)
    probes.forEach((c, i) => c.socket.on('workshop:presence', (p) => (online[i] = p.online)))
    await Promise.all(probes.map(connected))
    // A count is taken when someone comes or goes: one taken before a node had heard of the
    // others stays low until the next, so a short visit asks every node to count again.
    await eventually(async () => {
      if (online.some((n) => n < 3)) {
        const nudge = openControl(nodes[0]!.url, w.tokens.observer)
        await connected(nudge)
        nudge.close()
      }
      expect(online).toEqual([3, 3, 3])
    }, 30_000)
    for (const c of probes) c.close()
  })
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()))
    await space?.drop()
  })

  const client = (node: RunningServer, board: string, token: string) => {
    const c = openBoard(node.wsUrl, board, token)
    return track(c, (x) => x.provider.destroy())
  }

  it('[S1] clients of one board spread over the nodes converge; a late joiner on any node sees everything', async () => {
    const w = await createWorkshop(nodes[0]!.url)
    const board = w.boards[0]!.id
    const clients = [0, 1, 2, 0, 1, 2].map((i) => client(nodes[i]!, board, w.tokens.participant))
    await Promise.all(clients.map((c) => synced(c.provider)))
    const random = prng(7)
    const expected: Record<string, string> = {}
    for (let step = 0; step < 60; step++) {
      const i = random.int(clients.length)
      const key = `n${random.int(20)}`
      clients[i]!.doc.getMap('notes').set(key, `${i}:${step}`)
      // Every tenth edit, the others build on it: it has crossed the nodes before more follow.
      if (step % 10 === 0)
        await heardFrom(
          clients[i]!.doc,
          clients.map((c) => c.doc),
        )
    }
    await eventually(() => {
      const first = notes(clients[0]!.doc)
      for (const c of clients) expect(notes(c.doc)).toEqual(first)
      Object.assign(expected, first)
    })
    expect(Object.keys(expected).length).toBeGreaterThan(10)
    for (const node of nodes) {
      const late = client(node, board, w.tokens.observer)
      await synced(late.provider)
      expect(notes(late.doc)).toEqual(expected)
    }
  })

  it('[S1] what one read brings arrives as one message; an entry Yjs refuses is skipped, not the rest', async () => {
    const w = await createWorkshop(nodes[0]!.url)
    const board = w.boards[0]!.id
    const watchers = [0, 1, 2].map((i) => client(nodes[i]!, board, w.tokens.observer))
    await Promise.all(watchers.map((c) => synced(c.provider)))
    let messages = 0
    for (const c of watchers) c.doc.on('update', () => messages++)
    // Another node's entries, written at once: two notes with one that cannot apply between them.
    const writer = new Y.Doc()
    const updates: Uint8Array[] = []
    writer.on('update', (u: Uint8Array) => updates.push(u))
    writer.getMap('notes').set('before', 'kept')
    writer.getMap('notes').set('after', 'kept too')
    const redis = track(new Redis(redisUrl), (r) => r.disconnect())
    const stream = `${space.keyPrefix}log:${board}`
    const entry = (u: Uint8Array) => ['*', 'n', 'another-node', 'u', Buffer.from(u)] as const
    await redis
      .multi()
      .xadd(stream, ...entry(updates[0]!))
      .xadd(stream, ...entry(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff)))
      .xadd(stream, ...entry(updates[1]!))
      .exec()
    await eventually(() =>
      watchers.forEach((c) => expect(notes(c.doc)).toEqual({ before: 'kept', after: 'kept too' })),
    )
    expect(messages).toBe(3)
    for (const c of watchers) expect(c.provider.wsconnected).toBe(true)
  })

  it('[S2] cursors (awareness) cross nodes and are never stored', async () => {
    const w = await createWorkshop(nodes[1]!.url)
    const board = w.boards[0]!.id
    const anna = client(nodes[0]!, board, w.tokens.participant)
    const ben = client(nodes[2]!, board, w.tokens.participant)
    await Promise.all([synced(anna.provider), synced(ben.provider)])
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    await eventually(() => {
      const names = [...ben.provider.awareness.getStates().values()].map(
        (s) => (s as { user?: { name: string } }).user?.name,
      )
      expect(names).toContain('Anna')
    })
    // A joiner on a third node hears Anna's cursor at once, not at her next renewal.
    const carl = client(nodes[1]!, board, w.tokens.observer)
    await synced(carl.provider)
    await eventually(() => {
      const names = [...carl.provider.awareness.getStates().values()].map(
        (s) => (s as { user?: { name: string } }).user?.name,
      )
      expect(names).toContain('Anna')
    }, 3000)
  })

  it("[S3] the facilitator's commands reach participants on other nodes, and presence counts every node", async () => {
    const w = await createWorkshop(nodes[0]!.url)
    const f = track(openControl(nodes[0]!.url, w.tokens.facilitator), (c) => c.close())
    const p1 = track(openControl(nodes[1]!.url, w.tokens.participant), (c) => c.close())
    const p2 = track(openControl(nodes[2]!.url, w.tokens.participant), (c) => c.close())
    const online = [f, p1, p2].map(() => 0)
    ;[f, p1, p2].forEach((c, i) => c.socket.on('workshop:presence', (p) => (online[i] = p.online)))
    await Promise.all([connected(f), connected(p1), connected(p2)])
    // Everyone counts everyone, whichever node they are on.
    await expect.poll(() => online, { timeout: 10_000 }).toEqual([3, 3, 3])
    expect((await f.send('phase:set', { phase: 'solutions' })).ok).toBe(true)
    await expect.poll(() => p1.state?.phase).toBe('solutions')
    await expect.poll(() => p2.state?.phase).toBe('solutions')
  })

  it('[S5] changes made at once on different nodes all land in the one session every node serves', async () => {
    const w = await createWorkshop(nodes[0]!.url)
    const f0 = track(openControl(nodes[0]!.url, w.tokens.facilitator), (c) => c.close())
    const f1 = track(openControl(nodes[1]!.url, w.tokens.facilitator), (c) => c.close())
    const joiners = [1, 2].map((i) =>
      track(openControl(nodes[i]!.url, w.tokens.participant), (c) => c.close()),
    )
    await Promise.all([f0, f1, ...joiners].map(connected))
    const acks = await Promise.all([
      f0.send('votes:setBudget', { budget: 7 }),
      f1.send('board:lock', { boardIds: [w.boards[0]!.id], locked: true }),
      ...joiners.map((p, i) => p.send('session:join', { name: `P${i}`, side: 0 })),
    ])
    expect(acks.every((a) => a.ok)).toBe(true)
    for (const c of [f0, f1, ...joiners]) {
      await expect.poll(() => c.state?.voteBudget).toBe(7)
      await expect.poll(() => c.state?.lockedBoards).toEqual([w.boards[0]!.id])
      await expect.poll(() => c.state?.participants.map((p) => p.name).sort()).toEqual(['P0', 'P1'])
    }
    // A participant connecting later, on the third node, is told the same.
    const late = track(openControl(nodes[2]!.url, w.tokens.observer), (c) => c.close())
    await expect.poll(() => late.state?.participants.length).toBe(2)
  })

  it('[S10] a replaced link stops at once on every node: board 4401, control disconnected', async () => {
    const w = await createWorkshop(nodes[0]!.url)
    const old = client(nodes[1]!, w.boards[0]!.id, w.tokens.participant)
    const oldControl = track(openControl(nodes[2]!.url, w.tokens.participant), (c) => c.close())
    await Promise.all([synced(old.provider), connected(oldControl)])
    const closed = closedWith(old.provider)
    const disconnected = new Promise((resolve) => oldControl.socket.once('disconnect', resolve))
    const res = await fetch(`${nodes[0]!.url}/api/workshops/${w.id}/links/participant/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    })
    expect(res.status).toBe(200)
    expect(await closed).toBe(4401)
    await disconnected
  })

  it('[S10][C16] removing a participant through one node closes their board connections on the others (4401)', async () => {
    const w = await createWorkshop(nodes[0]!.url)
    const board = w.boards[0]!.id
    const f = track(openControl(nodes[0]!.url, w.tokens.facilitator), (c) => c.close())
    const anna = track(openControl(nodes[2]!.url, w.tokens.participant), (c) => c.close())
    await Promise.all([connected(f), connected(anna)])
    const joined = await anna.send('session:join', { name: 'Anna', side: 0 })
    if (!joined.ok || !joined.personalToken) throw new Error('join refused')
    const annaBoards = [1, 2].map((i) => client(nodes[i]!, board, joined.personalToken!))
    const bram = client(nodes[1]!, board, w.tokens.participant)
    await Promise.all([...annaBoards, bram].map((c) => synced(c.provider)))
    const closed = annaBoards.map((c) => closedWith(c.provider))
    expect(await f.send('participant:remove', { participantId: joined.participantId })).toEqual({
      ok: true,
    })
    expect(await Promise.all(closed)).toEqual([4401, 4401])
    bram.doc.getMap('notes').set('still-here', 'yes')
    const reader = client(nodes[0]!, board, w.tokens.observer)
    await eventually(() => expect(notes(reader.doc)['still-here']).toBe('yes'))
    expect(bram.provider.wsconnected).toBe(true)
  })

  it('[S5] a board locked through one node drops participant writes on the others ([H18])', async () => {
    const w = await createWorkshop(nodes[0]!.url)
    const board = w.boards[0]!.id
    // The participant writes by hand on node 1, so it can tell when node 1 has read its write;
    // the facilitator (whom a lock does not hold back) writes on node 1 too; the reader is on 2.
    const writer = track(openRaw(nodes[1]!.wsUrl, board, w.tokens.participant), (c) =>
      c.ws.terminate(),
    )
    const facilitator = client(nodes[1]!, board, w.tokens.facilitator)
    const reader = client(nodes[2]!, board, w.tokens.observer)
    await Promise.all([writer.opened, synced(facilitator.provider), synced(reader.provider)])
    const writerDoc = new Y.Doc()
    const f = track(openControl(nodes[0]!.url, w.tokens.facilitator), (c) => c.close())
    await connected(f)
    expect((await f.send('board:lock', { boardIds: [board], locked: true })).ok).toBe(true)

    /** Writes `key` as the participant; answers whether it reached the reader on node 2. */
    const reachesReader = async (key: string) => {
      const update = captureUpdate(writerDoc, () => writerDoc.getMap('notes').set(key, 'x'))
      // Barrier 1: node 1 answers a sync step 1 on the same connection only after it has read
      // (kept or dropped) the update sent before it.
      const answered = syncStep2Count(writer.received) + 1
      writer.send(frames.update(update))
      writer.send(frames.syncStep1(Y.encodeStateVector(writerDoc)))
      await eventually(() => expect(syncStep2Count(writer.received)).toBe(answered))
      // Barrier 2: the facilitator's marker goes into the board's one stream after the probe
      // (had it been kept), so a reader that has the marker has the probe too, if it exists.
      facilitator.doc.getMap('notes').set(`after-${key}`, 'marker')
      await eventually(() => expect(notes(reader.doc)[`after-${key}`]).toBe('marker'))
      return key in notes(reader.doc)
    }
    // Until the lock reaches node 1 a probe write gets through (and stays); each try looks for
    // its own probe only.
    let tries = 0
    await eventually(async () => expect(await reachesReader(`probe-${tries++}`)).toBe(false))
    expect(await reachesReader('locked')).toBe(false)
    expect(notes(facilitator.doc).locked).toBeUndefined()
  })
})

describe.skipIf(!up)('scale-out: deleting a workshop', () => {
  it('[S8] closes its board connections on every node (4404) and leaves none of its updates in Redis', async () => {
    const space = scaleSpace()
    track(space, (s) => s.drop())
    const [a, b] = [
      track(await startScaleNode(space), (n) => n.stop()),
      track(await startScaleNode(space), (n) => n.stop()),
    ]
    const w = await createWorkshop(a.url)
    const board = w.boards[0]!.id
    const onB = track(openBoard(b.wsUrl, board, w.tokens.participant), (c) => c.provider.destroy())
    await synced(onB.provider)
    onB.doc.getMap('notes').set('secret', 'gone with the workshop')
    const redis = track(new Redis(redisUrl), (r) => r.disconnect())
    const stream = `${space.keyPrefix}log:${board}`
    await eventually(async () => expect(await redis.xlen(stream)).toBeGreaterThan(0))
    const closed = closedWith(onB.provider)
    expect(await a.server.eraseWorkshop(w.id)).toBe(true)
    expect(await closed).toBe(4404)
    await eventually(async () => expect(await redis.exists(stream)).toBe(0))
  })
})

describe.skipIf(!up)('scale-out: exports', () => {
  it('[S9] an export on a node without the board open has the edits still in the stream', async () => {
    const space = scaleSpace()
    track(space, (s) => s.drop())
    const [a, b] = [
      track(await startScaleNode(space), (n) => n.stop()),
      track(await startScaleNode(space), (n) => n.stop()),
    ]
    const w = await createWorkshop(a.url)
    const writer = track(openBoard(a.wsUrl, w.boards[0]!.id, w.tokens.participant), (c) =>
      c.provider.destroy(),
    )
    await synced(writer.provider)
    addNote(
      writer.doc,
      asNoteId('n1'),
      { category: 'friction', x: 10, y: 10, author: 'Anna', text: 'stream-only-marker' },
      userOrigin('anna'),
    )
    await eventually(async () => {
      const res = await fetch(`${b.url}/api/workshops/${w.id}/notes.csv`, {
        headers: { authorization: `Bearer ${w.tokens.facilitator}` },
      })
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('stream-only-marker')
    })
  })
})

describe.skipIf(!up)('scale-out: compaction', () => {
  it('[S6] the stream is folded into a PostgreSQL snapshot and trimmed; a fresh node loads snapshot plus tail', async () => {
    const space = scaleSpace()
    track(space, (s) => s.drop())
    const node = track(
      await startScaleNode(space, {
        hub: { compactAfterRows: 20 },
        compaction: { graceMs: 0 },
      }),
      (n) => n.stop(),
    )
    const w = await createWorkshop(node.url)
    const board = w.boards[0]!.id
    const writer = track(openBoard(node.wsUrl, board, w.tokens.participant), (c) =>
      c.provider.destroy(),
    )
    const watcher = track(openBoard(node.wsUrl, board, w.tokens.observer), (c) =>
      c.provider.destroy(),
    )
    await Promise.all([synced(writer.provider), synced(watcher.provider)])
    // 70 updates, ten at a time, each ten relayed (so in the stream) before the next are written.
    for (let i = 0; i < 70; i++) {
      writer.doc.getMap('notes').set(`n${i}`, `v${i}`)
      if (i % 10 === 9) await heardFrom(writer.doc, [watcher.doc])
    }
    const redis = new Redis(redisUrl)
    track(redis, (r) => r.disconnect())
    const stream = `${space.keyPrefix}log:${board}`
    await eventually(async () => expect(await redis.xlen(stream)).toBeLessThan(40))
    const fresh = track(await startScaleNode(space), (n) => n.stop())
    const late = track(openBoard(fresh.wsUrl, board, w.tokens.observer), (c) =>
      c.provider.destroy(),
    )
    await synced(late.provider)
    expect(Object.keys(notes(late.doc))).toHaveLength(70)
    expect(notes(late.doc)).toEqual(notes(writer.doc))
  })

  it("[S6] while PostgreSQL holds up a board's snapshot, its writes still reach the peers on every node, and the snapshot lands after", async () => {
    const space = scaleSpace()
    track(space, (s) => s.drop())
    const opts = { hub: { compactAfterRows: 10 }, compaction: { graceMs: 0 } }
    const a = track(await startScaleNode(space, opts), (n) => n.stop())
    const b = track(await startScaleNode(space, opts), (n) => n.stop())
    const w = await createWorkshop(a.url)
    const board = w.boards[0]!.id
    const writer = track(openBoard(a.wsUrl, board, w.tokens.participant), (c) =>
      c.provider.destroy(),
    )
    const peers = [a, b].map((n) =>
      track(openBoard(n.wsUrl, board, w.tokens.observer), (c) => c.provider.destroy()),
    )
    await Promise.all([writer, ...peers].map((c) => synced(c.provider)))

    // Another session holds the board's row, as a slow or busy database would: the snapshot's
    // UPDATE waits for it.
    const blocker = new pg.Client({ connectionString: databaseUrl })
    await blocker.connect()
    track(blocker, (c) => c.end())
    await blocker.query('BEGIN')
    await blocker.query(`SELECT 1 FROM ${space.schema}.boards WHERE id = $1 FOR UPDATE`, [board])
    const waitingForRow = async () =>
      (
        await blocker.query<{ n: number }>(
          // sessions waiting for this one: the node's snapshot write
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))',
        )
      ).rows[0]!.n
    // More than compactAfterRows: the node starts a snapshot, whose write waits for the row.
    const before = 12
    for (let i = 0; i < before; i++) writer.doc.getMap('notes').set(`before-${i}`, 'v')
    await eventually(async () => expect(await waitingForRow()).toBeGreaterThan(0))

    // The compaction is stuck; what the writer types now is still relayed everywhere.
    for (let i = 0; i < 30; i++) writer.doc.getMap('notes').set(`during-${i}`, 'v')
    await eventually(() => {
      for (const p of peers) expect(Object.keys(notes(p.doc))).toHaveLength(before + 30)
    })
    expect(await waitingForRow()).toBeGreaterThan(0)

    await blocker.query('ROLLBACK')
    const snapshotAt = async () =>
      (
        await blocker.query<{ ms: string }>(
          `SELECT stream_ms AS ms FROM ${space.schema}.boards WHERE id = $1`,
          [board],
        )
      ).rows[0]!.ms
    await eventually(async () => expect(Number(await snapshotAt())).toBeGreaterThan(0))
    const late = track(openBoard(b.wsUrl, board, w.tokens.observer), (c) => c.provider.destroy())
    await synced(late.provider)
    expect(notes(late.doc)).toEqual(notes(writer.doc))
  })
})

describe.skipIf(!up)('scale-out: a node dies', () => {
  it('[S4] kill -9 of a node: its clients reconnect to another node and every update any client had received is still there', async () => {
    const space = scaleSpace()
    track(space, (s) => s.drop())
    const child = track(await spawnScaleNode(space), (c) => c.stop())
    const other = track(await startScaleNode(space), (n) => n.stop())
    // Clients of the child reach it through a balancer that fails over to the other node.
    const lb = track(await startBalancer(() => [child.port, portOf(other)]), (b) => b.close())
    const w = await createWorkshop(lb.url)
    const board = w.boards[0]!.id
    const onChild = [0, 1].map(() =>
      track(openBoard(lb.wsUrl, board, w.tokens.participant), (c) => c.provider.destroy()),
    )
    const onOther = track(openBoard(other.wsUrl, board, w.tokens.participant), (c) =>
      c.provider.destroy(),
    )
    const all = [...onChild, onOther]
    await Promise.all(all.map((c) => synced(c.provider)))

    // Writers on both nodes, still typing when the child dies.
    let step = 0
    const typing = setInterval(() => {
      for (const [i, c] of all.entries()) c.doc.getMap('notes').set(`c${i}-${step}`, `v${step}`)
      step++
    }, 5)
    await eventually(() => expect(Object.keys(notes(onOther.doc)).length).toBeGreaterThan(30))
    child.proc.kill('SIGKILL')
    await child.exited
    // What any client had received at the moment of the kill.
    const received = Object.assign({}, ...all.map((c) => notes(c.doc))) as Record<string, string>
    clearInterval(typing)

    await eventually(() => {
      for (const c of all) expect(c.provider.wsconnected).toBe(true)
    })
    await eventually(() => {
      const first = notes(all[0]!.doc)
      for (const c of all) expect(notes(c.doc)).toEqual(first)
    })
    const late = track(openBoard(other.wsUrl, board, w.tokens.observer), (c) =>
      c.provider.destroy(),
    )
    await synced(late.provider)
    const now = notes(late.doc)
    for (const [key, value] of Object.entries(received)) expect(now[key]).toBe(value)
  })
})

function portOf(node: RunningServer): number {
  return Number(new URL(node.url).port)
}

/** The update a change makes, taken as Yjs hands it to a provider. */
function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | undefined
  const keep = (u: Uint8Array) => (update = u)
  doc.on('update', keep)
  change()
  doc.off('update', keep)
  if (!update) throw new Error('the change made no update')
  return update
}

/** How many sync step 2 messages (y-websocket: 0, 1) a raw client has received. */
function syncStep2Count(received: readonly Uint8Array[]): number {
  return received.filter((m) => {
    const d = decoding.createDecoder(m)
    return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1
  }).length
}
