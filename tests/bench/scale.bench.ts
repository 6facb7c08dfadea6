/**
 * `pnpm bench`: one table of relay latency, throughput, CPU per delivered update, memory and cold
 * load for the reference `@y/websocket-server@0.1.1` (in memory and with y-leveldb), Hocuspocus 4
 * (in memory and with SQLite), our single node (SQLite) and our three-node scale-out mode (Redis +
 * PostgreSQL), servers on CPU 0 and clients on CPU 1, with ratios to the in-memory reference and
 * the best durable peer in the same run. Not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { Redis } from 'ioredis'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { PostgresStore, SqliteStore, type WorkshopRecord } from '@sparboard/server'
import { spawnServer } from '../support/childServer.js'
import { redisUrl, scaleSpace } from '../support/scaleCluster.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { kindsToRun, serverDescription, ServerKind, startBenchServer } from './benchServers.js'
import { onServerCpu, pinLoadGenerator, pinningNote } from './cpuPinning.js'
import { runLoad } from './loadClients.js'
import { rssMiB, servicePids } from './processStats.js'
import { connectInspector, inspectorEnv } from './inspectorGc.js'
import { freePort } from './referenceServer.js'
import { fmt, mean, median, relayedNote, relayFigures, type RelayFigures } from './relayFigures.js'

const RATE = Number(process.env.BENCH_RATE ?? 10)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
// Long enough for 1,000 connections to open and sync on every node before anything is timed.
const WARMUP_MS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5) * 1000
const HISTORY_UPDATES = Number(process.env.BENCH_HISTORY ?? 100_000)
const HISTORY_NOTES = HISTORY_UPDATES / 10
const scenarios = [
  { name: '1 room x 100 clients', rooms: 1, clientsPerRoom: 100, writersPerRoom: 10 },
  { name: '100 rooms x 10 clients', rooms: 100, clientsPerRoom: 10, writersPerRoom: 1 },
] as const

type Kind = ServerKind
interface Row {
  figure: string
  kind: Kind
  value: number
  unit: string
  /** Lower is better (latency, memory, time) or higher (throughput). */
  lowerIsBetter: boolean
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function relayRun(kind: Kind, scenario: (typeof scenarios)[number]): Promise<RelayRun> {
  const server = await startBenchServer(kind, { rooms: scenario.rooms })
  try {
    const result = await runLoad({
      ...scenario,
      target: server.target,
      ratePerWriter: RATE,
      warmupMs: WARMUP_MS,
      durationMs: SECONDS * 1000,
      pids: server.procs.map((p) => p.pid!),
      servicePids: kind === ServerKind.sparboardThreeNodes ? servicePids() : [],
    })
    return { ...relayFigures(result), relayed: relayedNote(result) }
  } finally {
    await server.stop()
    await server.dispose()
  }
}

interface RelayRun extends RelayFigures {
  readonly relayed: string
}

/**
 * Relay figures of one kind over all rounds: the median run's percentiles (a hiccup of the shared
 * machine can put one run's p99 at 20x the others'), the rest averaged.
 */
function relayRows(kind: Kind, scenario: (typeof scenarios)[number], runs: RelayRun[]): Row[] {
  const avg = (f: (r: RelayRun) => number) => mean(runs.map(f))
  const of = (figure: string, value: number, unit: string, lowerIsBetter = true): Row => ({
    figure: `${scenario.name}: ${figure}`,
    kind,
    value,
    unit,
    lowerIsBetter,
  })
  const rows = [
    of('relay p50', median(runs.map((r) => r.p50Ms)), 'ms'),
    of('relay p99', median(runs.map((r) => r.p99Ms)), 'ms'),
    of(
      'deliveries/s',
      avg((r) => r.deliveriesPerSecond),
      '/s',
      false,
    ),
    of(
      'CPU (all nodes)',
      avg((r) => r.serverCpuPercent),
      '% of a core',
    ),
    of(
      'CPU per delivered update',
      avg((r) => r.cpuUsPerDelivery),
      'µs',
    ),
    of(
      'peak RSS (all nodes)',
      avg((r) => r.serverPeakRssMiB),
      'MiB',
    ),
  ]
  if (kind === ServerKind.sparboardThreeNodes)
    rows.push(
      of(
        'Redis + PostgreSQL CPU (not pinned)',
        avg((r) => r.servicesCpuPercent),
        '% of a core',
      ),
    )
  return rows
}

const MEMORY_STEPS = 5
const IDLE_PER_STEP = 1000
const BOARDS_PER_STEP = 79
/** 400 boards (20 cases x 20 groups): board 0 for the idle connections, 395 more one by one. */
const MEMORY_ROOMS = 400

/**
 * RSS growth, summed over the server processes, per idle connection on one board and per board
 * open with one client; on three nodes the connections are spread evenly. Every sample follows a
 * full garbage collection in each server (through its inspector), and each figure is the median
 * of five steps, so that when the collector last ran (one that handed memory back made single
 * figures negative) does not decide it.
 */
async function memory(kind: Kind): Promise<Row[]> {
  const ports = await Promise.all([0, 1, 2].map(() => freePort()))
  const cluster = await startBenchServer(kind, {
    rooms: MEMORY_ROOMS,
    env: (i) => inspectorEnv(ports[i]!),
  })
  const inspectors = await Promise.all(cluster.procs.map((_, i) => connectInspector(ports[i]!)))
  const sockets: WebSocket[] = []
  const pids = cluster.procs.map((p) => p.pid!)
  /** Opens the connections, lets the servers settle and collect, then RSS (median of five). */
  const openAndMeasure = async (urls: string[]) => {
    const batch = urls.map((u) => new WebSocket(u))
    sockets.push(...batch)
    await Promise.all(batch.map((ws) => new Promise((resolve) => ws.once('open', resolve))))
    await sleep(1500)
    for (let round = 0; round < 2; round++)
      await Promise.all(inspectors.map((i) => i.collectGarbage()))
    await sleep(300)
    const samples: number[] = []
    for (let i = 0; i < 5; i++) {
      samples.push(sum(pids.map(rssMiB)))
      await sleep(200)
    }
    return median(samples)
  }
  const growth = async (step: (i: number) => string[]) => {
    const steps: number[] = []
    let before = await openAndMeasure([])
    for (let i = 0; i < MEMORY_STEPS; i++) {
      const after = await openAndMeasure(step(i))
      steps.push((after - before) * 1024)
      before = after
    }
    // The steps themselves, so that a reader sees how far apart they were.
    console.log(
      `${kind}: RSS growth per step of ${step(0).length}, KiB: ${steps.map((x) => x.toFixed(0)).join(' ')}`,
    )
    return median(steps)
  }
  try {
    // Board 0 open on every node first, so that the idle connections below load no board.
    await openAndMeasure(cluster.procs.map((_, node) => cluster.target.url(0, node)))
    const perConn =
      (await growth((i) =>
        Array.from({ length: IDLE_PER_STEP }, (_, c) =>
          cluster.target.url(0, i * IDLE_PER_STEP + c),
        ),
      )) / IDLE_PER_STEP
    // One client per board; on three nodes a board is open on one of them, a third on each.
    const perBoard =
      (await growth((i) =>
        Array.from({ length: BOARDS_PER_STEP }, (_, b) =>
          cluster.target.url(1 + i * BOARDS_PER_STEP + b, 0),
        ),
      )) /
        BOARDS_PER_STEP -
      perConn
    return [
      {
        figure: 'memory per idle connection',
        kind,
        value: perConn,
        unit: 'KiB',
        lowerIsBetter: true,
      },
      {
        figure: 'memory per open board (1 client)',
        kind,
        value: perBoard,
        unit: 'KiB',
        lowerIsBetter: true,
      },
    ]
  } finally {
    for (const ws of sockets) ws.terminate()
    for (const i of inspectors) i.close()
    await cluster.stop()
    await cluster.dispose()
  }
}

/** A board's history: HISTORY_NOTES notes created, then edited, one update per change. */
function history(): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const notes = doc.getMap<Y.Map<unknown>>('notes')
  for (let i = 0; i < HISTORY_NOTES; i++) {
    const note = new Y.Map<unknown>()
    note.set('text', new Y.Text(`note ${i}`))
    note.set('category', 'interest')
    note.set('x', (i % 100) * 220)
    note.set('y', Math.floor(i / 100) * 160)
    notes.set(`n${i}`, note)
  }
  for (let i = updates.length; i < HISTORY_UPDATES; i++) {
    const note = notes.get(`n${i % HISTORY_NOTES}`)!
    if (i % 2) (note.get('text') as Y.Text).insert(0, 'k')
    else note.set('x', i)
  }
  return { updates, doc }
}

async function timeSync(wsUrl: string, board: string, token: string): Promise<number> {
  const t0 = performance.now()
  const { doc, provider } = openBoard(wsUrl, board, token)
  await synced(provider)
  const ms = performance.now() - t0
  const count = doc.getMap('notes').size
  provider.destroy()
  if (count !== HISTORY_NOTES) throw new Error(`cold load saw ${count} notes`)
  return ms
}

const benchWorkshop = (): WorkshopRecord => {
  const id = `bench-${Date.now()}`
  const token = (r: string) => `${id}-${r}-token-0123456789abcdef`
  return {
    id,
    title: 'Bench',
    goals: ['Fast'],
    sides: ['A', 'B'],
    cases: [{ id: `${id}-c`, title: 'Case', description: '' }],
    groups: [{ id: `${id}-g`, name: 'Group' }],
    boards: [{ id: `${id}-b`, caseId: `${id}-c`, groupId: `${id}-g` }],
    tokens: {
      facilitator: token('f'),
      participant: token('p'),
      observer: token('o'),
    },
    createdAt: Date.now(),
  }
}

/** A cold-load case: the board as stored, and the figure it is printed under. */
interface ColdCase {
  readonly figure: string
  readonly compacted: boolean
}

/**
 * Time from connecting to a board that is in no server's memory until it is synced: the whole
 * history as the log (SQLite rows, or the board's Redis stream; never compacted, the worst case),
 * and the same board compacted into one snapshot (SQLite's, or PostgreSQL's covering an empty
 * stream), as a board is after [H4]/[S6] compaction.
 */
async function coldLoad(updates: Uint8Array[], snapshot: Uint8Array, c: ColdCase): Promise<Row[]> {
  const rows: Row[] = []
  const w = benchWorkshop()
  const board = w.boards[0]!.id
  const row = (kind: Kind, value: number): Row => ({
    figure: c.figure,
    kind,
    value,
    unit: 'ms',
    lowerIsBetter: true,
  })
  if (kinds.includes(ServerKind.sparboard)) {
    const dataDir = mkdtempSync(join(tmpdir(), 'sparboard-bench-cold-'))
    const sqlite = new SqliteStore(join(dataDir, 'sparboard.sqlite'))
    await sqlite.createWorkshop(w)
    if (c.compacted) await sqlite.compactBoard(board, snapshot)
    else
      for (let i = 0; i < updates.length; i += 5000)
        await sqlite.appendUpdates(board, updates.slice(i, i + 5000))
    await sqlite.close()
    const single = await spawnServer(dataDir, {}, undefined, onServerCpu)
    try {
      rows.push(row(ServerKind.sparboard, await timeSync(single.wsUrl, board, w.tokens.observer)))
    } finally {
      await stopProc(single.proc)
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  if (kinds.includes(ServerKind.sparboardThreeNodes)) {
    const space = scaleSpace()
    const pg = new PostgresStore({
      connectionString: space.env.DATABASE_URL!,
      schema: space.schema,
    })
    await pg.createWorkshop(w)
    if (c.compacted) await pg.saveStreamSnapshot(board, snapshot, '0-0')
    await pg.close()
    if (!c.compacted) {
      const redis = new Redis(redisUrl)
      for (let i = 0; i < updates.length; i += 5000) {
        const batch = redis.pipeline()
        for (const u of updates.slice(i, i + 5000))
          batch.xadd(`${space.keyPrefix}log:${board}`, '*', 'n', 'bench', 'u', Buffer.from(u))
        await batch.exec()
      }
      redis.disconnect()
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'sparboard-bench-'))
    const node = await spawnServer(dataDir, space.env, undefined, onServerCpu)
    try {
      rows.push(
        row(ServerKind.sparboardThreeNodes, await timeSync(node.wsUrl, board, w.tokens.observer)),
      )
    } finally {
      await stopProc(node.proc)
      await space.drop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  return rows
}

const stopProc = async (proc: ChildProcess) => {
  if (proc.exitCode !== null || proc.signalCode !== null) return
  const gone = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill('SIGTERM')
  await gone
}

// BENCH_ONLY=relay|memory|cold runs one part; BENCH_KINDS="sparboard x3" only some servers.
const only = process.env.BENCH_ONLY
const kinds = kindsToRun(Object.values(ServerKind))
// Memory per connection and per board: our servers and the in-memory reference (a peer's idle
// connection is not comparable: Hocuspocus attaches a socket to a document only once it is
// authenticated, and y-leveldb's cost is per document stored, not per connection).
const memoryKinds = kinds.filter(
  (k) =>
    k === ServerKind.reference ||
    k === ServerKind.sparboard ||
    k === ServerKind.sparboardThreeNodes,
)
const rows: Row[] = []
// Rounds in rotating order, so that a neighbour's load on the machine hits every kind.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
pinLoadGenerator()
if (!only || only === 'relay')
  for (const scenario of scenarios) {
    const runs = new Map<Kind, RelayRun[]>(kinds.map((k) => [k, []]))
    for (let round = 0; round < ROUNDS; round++)
      for (const kind of kinds.map((_, i) => kinds[(i + round) % kinds.length]!)) {
        const run = await relayRun(kind, scenario)
        runs.get(kind)!.push(run)
        console.log(
          `${scenario.name}, ${kind}, round ${round + 1}: p50 ${fmt(run.p50Ms, 2)} ms, p99 ${fmt(run.p99Ms, 2)} ms, ${fmt(run.deliveriesPerSecond, 0)} deliveries/s, CPU ${fmt(run.serverCpuPercent)} % (${fmt(run.cpuUsPerDelivery, 1)} µs per delivery${kind === ServerKind.sparboardThreeNodes ? `; Redis + PostgreSQL ${fmt(run.servicesCpuPercent)} %` : ''}), clients CPU ${fmt(run.generatorCpuPercent)} %, relayed ${run.relayed}, load ${loadavg()[0]!.toFixed(1)}`,
        )
      }
    for (const kind of kinds) rows.push(...relayRows(kind, scenario, runs.get(kind)!))
  }
if (!only || only === 'memory') for (const kind of memoryKinds) rows.push(...(await memory(kind)))
if (!only || only === 'cold') {
  const { updates, doc } = history()
  const snapshot = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  const cases: ColdCase[] = [
    { figure: `cold load, ${HISTORY_NOTES} notes / ${updates.length} updates`, compacted: false },
    { figure: `cold load, the same board compacted (${fmtKiB(snapshot)})`, compacted: true },
  ]
  for (const c of cases) {
    // The floor any server pays: applying the stored board to a fresh doc in this process.
    const t0 = performance.now()
    const replay = new Y.Doc()
    if (c.compacted) Y.applyUpdate(replay, snapshot)
    else Y.transact(replay, () => updates.forEach((u) => Y.applyUpdate(replay, u)))
    rows.push({
      figure: c.figure,
      kind: ServerKind.reference,
      value: performance.now() - t0,
      unit: 'ms (in-process replay, no network)',
      lowerIsBetter: true,
    })
    replay.destroy()
    rows.push(...(await coldLoad(updates, snapshot, c)))
  }
}
printTable(rows)
process.exit(0)

function fmtKiB(u: Uint8Array) {
  return `one snapshot of ${Math.round(u.byteLength / 1024)} KiB`
}

function printTable(rows: Row[]) {
  console.log(
    `\nscale benchmark: ${RATE} updates/s per writer, ${SECONDS} s measured after ${WARMUP_MS / 1000} s warm-up, relay percentiles of the median of ${ROUNDS} rounds`,
  )
  console.log(
    `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${pinningNote()}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${new Date().toISOString()}\n`,
  )
  for (const k of kinds) console.log(`  ${k}: ${serverDescription[k]}`)
  const figures = [...new Set(rows.map((r) => r.figure))]
  console.table(
    figures.map((figure) => {
      const of = (kind: Kind) => rows.find((r) => r.figure === figure && r.kind === kind)?.value
      const ratio = (a: number | undefined, b: number | undefined) =>
        a !== undefined && b !== undefined ? fmt(a / b, 2) : ''
      const lower = rows.find((r) => r.figure === figure)!.lowerIsBetter
      const durable = [of(ServerKind.referenceLeveldb), of(ServerKind.hocuspocusSqlite)].filter(
        (v): v is number => v !== undefined,
      )
      const bestDurable = durable.length
        ? lower
          ? Math.min(...durable)
          : Math.max(...durable)
        : undefined
      return {
        figure,
        unit: rows.find((r) => r.figure === figure)!.unit,
        ...Object.fromEntries(kinds.map((k) => [k, fmt(of(k), 2)])),
        'sparboard / ref': ratio(of(ServerKind.sparboard), of(ServerKind.reference)),
        'sparboard / best durable': ratio(of(ServerKind.sparboard), bestDurable),
        'x3 / sparboard': ratio(of(ServerKind.sparboardThreeNodes), of(ServerKind.sparboard)),
      }
    }),
  )
  const p50 = (kind: Kind) => rows.find((r) => r.kind === kind && r.figure.endsWith('relay p50'))
  if (p50(ServerKind.sparboard) && p50(ServerKind.sparboardThreeNodes))
    for (const s of scenarios) {
      const at = (kind: Kind) =>
        rows.find((r) => r.kind === kind && r.figure === `${s.name}: relay p50`)!.value
      console.log(
        `${s.name}: the cross-node hop adds ${fmt(at(ServerKind.sparboardThreeNodes) - at(ServerKind.sparboard), 2)} ms at p50 over one node`,
      )
    }
}
