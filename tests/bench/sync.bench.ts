/**
 * `pnpm bench:sync`: relay latency, throughput, CPU and memory of our hub against the reference
 * `@y/websocket-server` under the same load, in the same run. Not a test: it prints figures.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { spawnServer } from '../support/childServer.js'
import { createWorkshop } from '../support/startServer.js'
import { runLoad, type LoadResult, type RoomUrl } from './loadClients.js'
import { measure } from './processStats.js'
import { startReference } from './referenceServer.js'

const scenarios = [
  { name: '1 room x 50 clients', rooms: 1, clientsPerRoom: 50, writersPerRoom: 10 },
  { name: '50 rooms x 10 clients', rooms: 50, clientsPerRoom: 10, writersPerRoom: 2 },
] as const
const RATE_PER_WRITER = Number(process.env.BENCH_RATE ?? 10)
const WARMUP_MS = 2000
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!

interface Row {
  scenario: string
  server: string
  p50: number
  p99: number
  updatesPerSecond: number
  deliveriesPerSecond: number
  cpuPercent: number
  rssMiB: number
}

function summarise(
  scenario: string,
  server: string,
  m: { result: LoadResult; cpuPercent: number; peakRssMiB: number },
): Row {
  const sorted = [...m.result.latenciesMs].sort((a, b) => a - b)
  return {
    scenario,
    server,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    updatesPerSecond: m.result.sent / m.result.seconds,
    deliveriesPerSecond: m.result.delivered / m.result.seconds,
    cpuPercent: m.cpuPercent,
    rssMiB: m.peakRssMiB,
  }
}

async function stop(proc: ChildProcess) {
  const gone = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill('SIGTERM')
  await gone
}

async function runOurs(scenario: (typeof scenarios)[number]): Promise<Row> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sparboard-bench-'))
  const server = await spawnServer(dataDir)
  try {
    const workshop = await createWorkshop(server.url, {
      title: 'Bench',
      goals: ['Fast'],
      sides: ['A', 'B'],
      cases: Array.from({ length: 5 }, (_, i) => ({ title: `Case ${i}` })),
      groups: 10,
    })
    const url: RoomUrl = (room) =>
      `${server.wsUrl}/yjs/${workshop.boards[room]!.id}?token=${workshop.tokens.participant}`
    const m = await measure(server.proc.pid!, () =>
      runLoad({
        ...scenario,
        url,
        ratePerWriter: RATE_PER_WRITER,
        warmupMs: WARMUP_MS,
        durationMs: DURATION_MS,
      }),
    )
    return summarise(scenario.name, 'sparboard', m)
  } finally {
    await stop(server.proc)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function runReference(scenario: (typeof scenarios)[number]): Promise<Row> {
  const server = await startReference()
  try {
    const url: RoomUrl = (room) => `${server.wsUrl}/bench-room-${room}`
    const m = await measure(server.proc.pid!, () =>
      runLoad({
        ...scenario,
        url,
        ratePerWriter: RATE_PER_WRITER,
        warmupMs: WARMUP_MS,
        durationMs: DURATION_MS,
      }),
    )
    return summarise(scenario.name, '@y/websocket-server 0.1.1', m)
  } finally {
    await stop(server.proc)
  }
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a')

// Two rounds in opposite order, so a neighbour's load on this 2-core machine hits both servers.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const rows: Row[] = []
for (const scenario of scenarios) {
  for (let round = 0; round < ROUNDS; round++) {
    const pair = round % 2 === 0 ? [runReference, runOurs] : [runOurs, runReference]
    for (const run of pair) rows.push(await run(scenario))
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const average = (scenario: string, ours: boolean) => {
  const runs = rows.filter((r) => r.scenario === scenario && (r.server === 'sparboard') === ours)
  const of = (key: keyof Row) => mean(runs.map((r) => r[key] as number))
  // The median run: a hiccup of the shared machine can put one run's p99 at 20x the others'.
  const median = (key: 'p50' | 'p99') => {
    const xs = runs.map((r) => r[key]).sort((a, b) => a - b)
    return xs.length % 2
      ? xs[(xs.length - 1) / 2]!
      : (xs[xs.length / 2 - 1]! + xs[xs.length / 2]!) / 2
  }
  return {
    p50: median('p50'),
    p99: median('p99'),
    deliveriesPerSecond: of('deliveriesPerSecond'),
    cpuPercent: of('cpuPercent'),
    rssMiB: of('rssMiB'),
  }
}

console.log(
  `\nsync benchmark: ${RATE_PER_WRITER} updates/s per writer, ${DURATION_MS / 1000} s measured after ${WARMUP_MS / 1000} s warm-up`,
)
console.log(
  `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${new Date().toISOString()}\n`,
)
console.table(
  rows.map((r) => ({
    scenario: r.scenario,
    server: r.server,
    'p50 ms': fmt(r.p50, 2),
    'p99 ms': fmt(r.p99, 2),
    'updates/s': fmt(r.updatesPerSecond, 0),
    'deliveries/s': fmt(r.deliveriesPerSecond, 0),
    'CPU %': fmt(r.cpuPercent),
    'RSS MiB': fmt(r.rssMiB),
  })),
)
console.log(
  `\nsparboard / reference over ${ROUNDS} runs each: p50 and p99 of the median run, the rest means (below 1 is better for latency, CPU and RSS):`,
)
console.table(
  scenarios.map((s) => {
    const ref = average(s.name, false)
    const ours = average(s.name, true)
    return {
      scenario: s.name,
      'median p50 ms ref / ours': `${fmt(ref.p50, 2)} / ${fmt(ours.p50, 2)}`,
      'median p99 ms ref / ours': `${fmt(ref.p99, 2)} / ${fmt(ours.p99, 2)}`,
      p50: fmt(ours.p50 / ref.p50, 2),
      p99: fmt(ours.p99 / ref.p99, 2),
      'deliveries/s': fmt(ours.deliveriesPerSecond / ref.deliveriesPerSecond, 2),
      CPU: fmt(ours.cpuPercent / ref.cpuPercent, 2),
      RSS: fmt(ours.rssMiB / ref.rssMiB, 2),
    }
  }),
)
