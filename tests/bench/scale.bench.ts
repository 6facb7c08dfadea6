/**
 * `pnpm bench`: one table of relay latency, throughput, memory and cold load for the reference
 * `@y/websocket-server@0.1.1`, our single node (SQLite) and our three-node scale-out mode (Redis +
 * PostgreSQL), each figure also as a ratio to the reference run in the same process. Not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { Redis } from 'ioredis'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { PostgresStore, SqliteStore, type WorkshopRecord } from '@sparboard/server'
import { spawnServer, type ChildServer } from '../support/childServer.js'
import { redisUrl, scaleSpace, type ScaleSpace } from '../support/scaleCluster.js'
import { createWorkshop } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { runLoad, type RoomUrl } from './loadClients.js'
import { cpuSeconds, rssMiB } from './processStats.js'
import { connectInspector, inspectorEnv } from './inspectorGc.js'
import { freePort, startReference } from './referenceServer.js'

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

type Kind = 'reference' | 'single node' | 'three nodes'
interface Cluster {
  readonly procs: ChildProcess[]
  /** A client's URL for a room; rooms are boards of one workshop on ours. */
  readonly url: RoomUrl
  stop(): Promise<void>
}
interface Row {
  figure: string
  kind: Kind
  value: number
  unit: string
  /** Lower is better (latency, memory, time) or higher (throughput). */
  lowerIsBetter: boolean
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
const stopProc = async (proc: ChildProcess) => {
  if (proc.exitCode !== null) return
  const gone = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill('SIGTERM')
  await gone
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const workshopBody = {
  title: 'Bench',
  goals: ['Fast'],
  sides: ['A', 'B'],
  cases: Array.from({ length: 10 }, (_, i) => ({ title: `Case ${i}` })),
  groups: 10,
}

/** Starts one kind of server; `env` adds to the environment of its `i`th process. */
async function start(
  kind: Kind,
  body = workshopBody,
  env: (i: number) => Record<string, string> = () => ({}),
): Promise<Cluster> {
  if (kind === 'reference') {
    const ref = await startReference(env(0))
    return {
      procs: [ref.proc],
      url: (room) => `${ref.wsUrl}/bench-room-${room}`,
      stop: () => stopProc(ref.proc),
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sparboard-bench-'))
  const space: ScaleSpace | null = kind === 'three nodes' ? scaleSpace() : null
  const nodes: ChildServer[] = []
  for (let i = 0; i < (space ? 3 : 1); i++)
    nodes.push(await spawnServer(join(dataDir, String(i)), { ...space?.env, ...env(i) }))
  const workshop = await createWorkshop(nodes[0]!.url, body)
  return {
    procs: nodes.map((n) => n.proc),
    // In three-node mode the clients of every room are spread over the nodes.
    url: (room, client) =>
      `${nodes[(room + client) % nodes.length]!.wsUrl}/yjs/${workshop.boards[room]!.id}?token=${workshop.tokens.participant}`,
    async stop() {
      await Promise.all(nodes.map((n) => stopProc(n.proc)))
      await space?.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

interface RelayRun {
  readonly p50Ms: number
  readonly p99Ms: number
  readonly deliveriesPerSecond: number
  readonly cpuPercent: number
  readonly peakRssMiB: number
}

async function relayRun(kind: Kind, scenario: (typeof scenarios)[number]): Promise<RelayRun> {
  const cluster = await start(kind)
  try {
    const pids = cluster.procs.map((p) => p.pid!)
    const cpu0 = sum(pids.map(cpuSeconds))
    const t0 = performance.now()
    let peakRss = 0
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, sum(pids.map(rssMiB)))), 250)
    const result = await runLoad({
      ...scenario,
      url: cluster.url,
      ratePerWriter: RATE,
      warmupMs: WARMUP_MS,
      durationMs: SECONDS * 1000,
    }).finally(() => clearInterval(sampler))
    const cpu = ((sum(pids.map(cpuSeconds)) - cpu0) / ((performance.now() - t0) / 1000)) * 100
    const sorted = [...result.latenciesMs].sort((a, b) => a - b)
    return {
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      deliveriesPerSecond: result.delivered / result.seconds,
      cpuPercent: cpu,
      peakRssMiB: peakRss,
    }
  } finally {
    await cluster.stop()
  }
}

/**
 * Relay figures of one kind over all rounds: the median run's percentiles (a hiccup of the shared
 * machine can put one run's p99 at 20x the others'), the rest averaged.
 */
function relayRows(kind: Kind, scenario: (typeof scenarios)[number], runs: RelayRun[]): Row[] {
  const medianRun = (of: (r: RelayRun) => number) => {
    const xs = runs.map(of).sort((a, b) => a - b)
    const mid = xs.length / 2
    return xs.length % 2 ? xs[Math.floor(mid)]! : (xs[mid - 1]! + xs[mid]!) / 2
  }
  const mean = (f: (r: RelayRun) => number) => sum(runs.map(f)) / runs.length
  const of = (figure: string, value: number, unit: string, lowerIsBetter = true): Row => ({
    figure: `${scenario.name}: ${figure}`,
    kind,
    value,
    unit,
    lowerIsBetter,
  })
  return [
    of(
      'relay p50',
      medianRun((r) => r.p50Ms),
      'ms',
    ),
    of(
      'relay p99',
      medianRun((r) => r.p99Ms),
      'ms',
    ),
    of(
      'deliveries/s',
      mean((r) => r.deliveriesPerSecond),
      '/s',
      false,
    ),
    of(
      'CPU (all nodes)',
      mean((r) => r.cpuPercent),
      '% of a core',
    ),
    of(
      'peak RSS (all nodes)',
      mean((r) => r.peakRssMiB),
      'MiB',
    ),
  ]
}

const MEMORY_STEPS = 5
const IDLE_PER_STEP = 1000
const BOARDS_PER_STEP = 79
/** 400 boards (20 cases x 20 groups): board 0 for the idle connections, 395 more one by one. */
const memoryWorkshop = {
  ...workshopBody,
  cases: Array.from({ length: 20 }, (_, i) => ({ title: `Case ${i}` })),
  groups: 20,
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/**
 * RSS growth, summed over the server processes, per idle connection on one board and per board
 * open with one client; on three nodes the connections are spread evenly. Every sample follows a
 * full garbage collection in each server (through its inspector), and each figure is the median
 * of five steps, so that when the collector last ran (one that handed memory back made single
 * figures negative) does not decide it.
 */
async function memory(kind: Kind): Promise<Row[]> {
  const ports = await Promise.all([0, 1, 2].map(() => freePort()))
  const cluster = await start(kind, memoryWorkshop, (i) => inspectorEnv(ports[i]!))
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
    await openAndMeasure(cluster.procs.map((_, node) => cluster.url(0, node)))
    const perConn =
      (await growth((i) =>
        Array.from({ length: IDLE_PER_STEP }, (_, c) => cluster.url(0, i * IDLE_PER_STEP + c)),
      )) / IDLE_PER_STEP
    // One client per board; on three nodes a board is open on one of them, a third on each.
    const perBoard =
      (await growth((i) =>
        Array.from({ length: BOARDS_PER_STEP }, (_, b) =>
          cluster.url(1 + i * BOARDS_PER_STEP + b, 0),
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

/** Time from connecting to a board that is in no server's memory until it is synced. */
async function coldLoad(updates: Uint8Array[]): Promise<Row[]> {
  const rows: Row[] = []
  const w = benchWorkshop()
  const board = w.boards[0]!.id
  // Single node: the whole history as rows of the SQLite log, never compacted.
  const dataDir = mkdtempSync(join(tmpdir(), 'sparboard-bench-cold-'))
  const sqlite = new SqliteStore(join(dataDir, 'sparboard.sqlite'))
  await sqlite.createWorkshop(w)
  for (let i = 0; i < updates.length; i += 5000)
    await sqlite.appendUpdates(board, updates.slice(i, i + 5000))
  await sqlite.close()
  const single = await spawnServer(dataDir)
  try {
    rows.push({
      figure: `cold load, ${HISTORY_NOTES} notes / ${updates.length} updates`,
      kind: 'single node',
      value: await timeSync(single.wsUrl, board, w.tokens.observer),
      unit: 'ms',
      lowerIsBetter: true,
    })
  } finally {
    await stopProc(single.proc)
    rmSync(dataDir, { recursive: true, force: true })
  }
  // Scale-out: the whole history in the board's Redis stream, no snapshot yet.
  const space = scaleSpace()
  const pg = new PostgresStore({ connectionString: space.env.DATABASE_URL!, schema: space.schema })
  await pg.createWorkshop(w)
  await pg.close()
  const redis = new Redis(redisUrl)
  for (let i = 0; i < updates.length; i += 5000) {
    const batch = redis.pipeline()
    for (const u of updates.slice(i, i + 5000))
      batch.xadd(`${space.keyPrefix}log:${board}`, '*', 'n', 'bench', 'u', Buffer.from(u))
    await batch.exec()
  }
  redis.disconnect()
  const node = await spawnServer(mkdtempSync(join(tmpdir(), 'sparboard-bench-')), space.env)
  try {
    rows.push({
      figure: `cold load, ${HISTORY_NOTES} notes / ${updates.length} updates`,
      kind: 'three nodes',
      value: await timeSync(node.wsUrl, board, w.tokens.observer),
      unit: 'ms',
      lowerIsBetter: true,
    })
  } finally {
    await stopProc(node.proc)
    await space.drop()
  }
  return rows
}

// BENCH_ONLY=relay|memory|cold runs one part; BENCH_KINDS="three nodes" only some servers.
const only = process.env.BENCH_ONLY
const kinds = (process.env.BENCH_KINDS?.split(',') as Kind[] | undefined) ?? [
  'reference',
  'single node',
  'three nodes',
]
const rows: Row[] = []
// Rounds in alternating order, so that a neighbour's load on the shared cores hits every kind.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
if (!only || only === 'relay')
  for (const scenario of scenarios) {
    const runs = new Map<Kind, RelayRun[]>(kinds.map((k) => [k, []]))
    for (let round = 0; round < ROUNDS; round++)
      for (const kind of round % 2 === 0 ? kinds : [...kinds].reverse()) {
        const run = await relayRun(kind, scenario)
        runs.get(kind)!.push(run)
        console.log(
          `${scenario.name}, ${kind}, round ${round + 1}: p50 ${run.p50Ms.toFixed(2)} ms, p99 ${run.p99Ms.toFixed(2)} ms, ${run.deliveriesPerSecond.toFixed(0)} deliveries/s, CPU ${run.cpuPercent.toFixed(1)} %, load ${loadavg()[0]!.toFixed(1)}`,
        )
      }
    for (const kind of kinds) rows.push(...relayRows(kind, scenario, runs.get(kind)!))
  }
if (!only || only === 'memory') for (const kind of kinds) rows.push(...(await memory(kind)))
if (!only || only === 'cold') {
  const { updates, doc } = history()
  // The floor any server pays: applying the history to a fresh doc in this process.
  const t0 = performance.now()
  const replay = new Y.Doc()
  Y.transact(replay, () => updates.forEach((u) => Y.applyUpdate(replay, u)))
  rows.push({
    figure: `cold load, ${HISTORY_NOTES} notes / ${updates.length} updates`,
    kind: 'reference',
    value: performance.now() - t0,
    unit: 'ms (in-process replay, no network)',
    lowerIsBetter: true,
  })
  doc.destroy()
  rows.push(...(await coldLoad(updates)))
}
printTable(rows)
process.exit(0)

function printTable(rows: Row[]) {
  const fmt = (n: number | undefined, digits = 1) =>
    n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : 'n/a'
  console.log(
    `\nscale benchmark: ${RATE} updates/s per writer, ${SECONDS} s measured after ${WARMUP_MS / 1000} s warm-up, relay percentiles of the median of ${ROUNDS} rounds`,
  )
  console.log(
    `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${new Date().toISOString()}\n`,
  )
  const figures = [...new Set(rows.map((r) => r.figure))]
  console.table(
    figures.map((figure) => {
      const of = (kind: Kind) => rows.find((r) => r.figure === figure && r.kind === kind)
      const ref = of('reference')
      const ratio = (kind: Kind) => {
        const value = of(kind)?.value
        return ref && value !== undefined ? fmt(value / ref.value, 2) : 'n/a'
      }
      return {
        figure,
        unit: (of('single node') ?? ref ?? of('three nodes'))?.unit,
        reference: fmt(ref?.value, 2),
        'single node': fmt(of('single node')?.value, 2),
        'three nodes': fmt(of('three nodes')?.value, 2),
        'single / ref': ratio('single node'),
        'three / ref': ratio('three nodes'),
      }
    }),
  )
}
