/**
 * `pnpm bench:sync`: relay latency, throughput, CPU and memory of our hub against the reference
 * `@y/websocket-server` (in memory, and with its y-leveldb persistence) and Hocuspocus 4 (in
 * memory, and with its SQLite extension) under the same load, in the same run, every server on
 * CPU 0 and the load generator on CPU 1. Not a test: it prints figures.
 */
import { cpus, loadavg } from 'node:os'
import {
  isDurable,
  kindsToRun,
  lostAfterRestart,
  serverDescription,
  ServerKind,
  startBenchServer,
} from './benchServers.js'
import { pinLoadGenerator, pinningNote } from './cpuPinning.js'
import { runLoad } from './loadClients.js'
import {
  fmt,
  GENERATOR_SATURATED_PERCENT,
  mean,
  median,
  relayedNote,
  relayFigures,
  type RelayFigures,
} from './relayFigures.js'

const scenarios = [
  { name: '1 room x 50 clients', rooms: 1, clientsPerRoom: 50, writersPerRoom: 10 },
  { name: '50 rooms x 10 clients', rooms: 50, clientsPerRoom: 10, writersPerRoom: 2 },
] as const
const RATE_PER_WRITER = Number(process.env.BENCH_RATE ?? 10)
const WARMUP_MS = 2000
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000
// Rounds in rotating order, so that a neighbour's load on the machine hits every server.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
// Long enough for a debounced store (Hocuspocus: 2 s) to have happened before the server stops.
const SETTLE_MS = 2500
const kinds = kindsToRun([
  ServerKind.reference,
  ServerKind.referenceLeveldb,
  ServerKind.hocuspocus,
  ServerKind.hocuspocusSqlite,
  ServerKind.sparboard,
])
const durablePeers = kinds.filter(
  (k) => k === ServerKind.referenceLeveldb || k === ServerKind.hocuspocusSqlite,
)

interface Run extends RelayFigures {
  scenario: string
  kind: ServerKind
  round: number
  relayed: string
  /** Keystrokes missing after a restart (durable servers, first round), else undefined. */
  lost: number | undefined
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function run(
  kind: ServerKind,
  scenario: (typeof scenarios)[number],
  round: number,
): Promise<Run> {
  const server = await startBenchServer(kind, { rooms: scenario.rooms })
  try {
    const result = await runLoad({
      ...scenario,
      target: server.target,
      ratePerWriter: RATE_PER_WRITER,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      pids: server.procs.map((p) => p.pid!),
    })
    let lost: number | undefined
    if (isDurable(kind) && round === 0) {
      await sleep(SETTLE_MS)
      lost = await lostAfterRestart(server, result.typed)
    }
    return {
      ...relayFigures(result),
      scenario: scenario.name,
      kind,
      round,
      relayed: relayedNote(result),
      lost,
    }
  } finally {
    await server.stop()
    await server.dispose()
  }
}

pinLoadGenerator()
const runs: Run[] = []
for (const scenario of scenarios)
  for (let round = 0; round < ROUNDS; round++) {
    const order = kinds.map((_, i) => kinds[(i + round) % kinds.length]!)
    for (const kind of order) {
      const r = await run(kind, scenario, round)
      runs.push(r)
      console.log(
        `${scenario.name}, ${kind}, round ${round + 1}: p50 ${fmt(r.p50Ms, 2)} ms, p99 ${fmt(r.p99Ms, 2)} ms, ${fmt(r.deliveriesPerSecond, 0)} deliveries/s, server CPU ${fmt(r.serverCpuPercent)} % (${fmt(r.cpuUsPerDelivery, 1)} µs per delivery), clients CPU ${fmt(r.generatorCpuPercent)} %, relayed ${r.relayed}${r.lost === undefined ? '' : `, lost after restart ${r.lost}`}, load ${loadavg()[0]!.toFixed(1)}`,
      )
    }
  }

console.log(
  `\nsync benchmark: ${RATE_PER_WRITER} updates/s per writer, ${DURATION_MS / 1000} s measured after ${WARMUP_MS / 1000} s warm-up, ${ROUNDS} rounds`,
)
console.log(
  `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${pinningNote()}, ${new Date().toISOString()}`,
)
for (const k of kinds) console.log(`  ${k}: ${serverDescription[k]}`)
console.table(
  runs.map((r) => ({
    scenario: r.scenario,
    server: r.kind,
    'p50 ms': fmt(r.p50Ms, 2),
    'p99 ms': fmt(r.p99Ms, 2),
    'deliveries/s': fmt(r.deliveriesPerSecond, 0),
    'CPU %': fmt(r.serverCpuPercent),
    'CPU µs/delivery': fmt(r.cpuUsPerDelivery, 1),
    'RSS MiB': fmt(r.serverPeakRssMiB),
    'clients CPU %': fmt(r.generatorCpuPercent),
    relayed: r.relayed,
    'lost after restart': r.lost ?? '',
  })),
)
if (runs.some((r) => r.generatorCpuPercent > GENERATOR_SATURATED_PERCENT))
  console.log(
    `\nthe load generator's core was above ${GENERATOR_SATURATED_PERCENT} % in some runs: their latencies include the clients' own queueing`,
  )

/** Per server: the median run's p50 and p99 (a hiccup can put one run's p99 at 20x), means else. */
const summary = (scenario: string, kind: ServerKind) => {
  const of = runs.filter((r) => r.scenario === scenario && r.kind === kind)
  return {
    p50: median(of.map((r) => r.p50Ms)),
    p99: median(of.map((r) => r.p99Ms)),
    deliveries: mean(of.map((r) => r.deliveriesPerSecond)),
    cpuUs: mean(of.map((r) => r.cpuUsPerDelivery)),
    rss: mean(of.map((r) => r.serverPeakRssMiB)),
  }
}
console.log(`\nmedians of ${ROUNDS} runs (p50, p99), means (the rest):`)
console.table(
  scenarios.flatMap((s) =>
    kinds.map((k) => {
      const m = summary(s.name, k)
      return {
        scenario: s.name,
        server: k,
        'p50 ms': fmt(m.p50, 2),
        'p99 ms': fmt(m.p99, 2),
        'deliveries/s': fmt(m.deliveries, 0),
        'CPU µs/delivery': fmt(m.cpuUs, 1),
        'RSS MiB': fmt(m.rss),
      }
    }),
  ),
)
if (kinds.includes(ServerKind.sparboard)) {
  console.log(
    '\nsparboard against the best durable peer (its lower median) and the in-memory reference (below 1 is better):',
  )
  console.table(
    scenarios.map((s) => {
      const ours = summary(s.name, ServerKind.sparboard)
      const best = (key: 'p50' | 'p99') =>
        Math.min(...durablePeers.map((k) => summary(s.name, k)[key]))
      const ref = kinds.includes(ServerKind.reference)
        ? summary(s.name, ServerKind.reference)
        : null
      return {
        scenario: s.name,
        'p50 / best durable': fmt(ours.p50 / best('p50'), 2),
        'p99 / best durable': fmt(ours.p99 / best('p99'), 2),
        'CPU per delivery / reference': ref ? fmt(ours.cpuUs / ref.cpuUs, 2) : 'n/a',
        'p99 / reference': ref ? fmt(ours.p99 / ref.p99, 2) : 'n/a',
      }
    }),
  )
}
process.exit(0)
