/**
 * `pnpm bench:tail`: where Sparboard's relay tail comes from, and an A/B of two builds on a noisy
 * machine. Rooms of 10 clients, one writer per room at 50 updates/s (the capacity bench's load),
 * at a few fixed steps (`BENCH_STEPS`, default 45 and 75 rooms). Beside the clients' latencies it
 * reads the server's own `/metrics` before and after each window: its receipt-to-send histogram
 * (`sparboard_relay_seconds`: the share of updates held over 10, 25 and 50 ms, which leaves out
 * the clients' own queueing), garbage collection and the event loop's lag. CPU per delivery is
 * split into user and system time (system time is mostly the loopback TCP path, which the sender
 * pays for the receiver too).
 *
 * `BENCH_BUILDS=dist-base,built` compares two builds (a copy of `server/dist` kept beside it:
 * `cp -r server/dist server/dist-base` before rebuilding) in `BENCH_ROUNDS` interleaved rounds;
 * on a machine whose CPU per delivery swings from run to run, only interleaved runs compare.
 * Not a test: it prints figures.
 */
import { cpus } from 'node:os'
import { startBenchServer, ServerKind } from './benchServers.js'
import { pinLoadGenerator, pinningNote } from './cpuPinning.js'
import { LoadGenerator } from './loadClients.js'
import { userSystemSeconds } from './processStats.js'
import { fmt, median, relayFigures } from './relayFigures.js'

const STEPS = (process.env.BENCH_STEPS ?? '45,75').split(',').map(Number)
const BUILDS = (process.env.BENCH_BUILDS ?? 'built').split(',')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const WARMUP_MS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2) * 1000
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 12) * 1000
/** Server-side hold thresholds reported, in seconds (buckets of `sparboard_relay_seconds`). */
const HELD_OVER = ['0.01', '0.025', '0.05']

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The figures of the server's `/metrics` this bench reads. */
async function serverFigures(httpUrl: string) {
  const text = await (await fetch(`${httpUrl}/metrics`)).text()
  const sum = (re: RegExp) => [...text.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0)
  return {
    gcMinorS: sum(/^nodejs_gc_duration_seconds_sum\{kind="minor"\} (\S+)/gm),
    gcMajorS: sum(/^nodejs_gc_duration_seconds_sum\{kind="major"\} (\S+)/gm),
    /** prom-client resets the lag histogram at each scrape: this is the window's */
    lagMaxS: sum(/^nodejs_eventloop_lag_max_seconds (\S+)/gm),
    relay: new Map(
      [...text.matchAll(/^sparboard_relay_seconds_bucket\{le="([^"]+)"\} (\S+)/gm)].map((m) => [
        m[1]!,
        Number(m[2]),
      ]),
    ),
  }
}

interface Row {
  build: string
  round: number
  rooms: number
  'updates/s in': string
  'p50 ms': string
  'p99 ms': string
  'p99.9 ms': string
  'server held > 10 / 25 / 50 ms (%)': string
  'CPU µs/delivery (user + sys)': string
  'minor GC ms/s': string
  'loop lag max ms': string
  'clients CPU %': string
}

async function run(build: string, round: number): Promise<Row[]> {
  process.env.SPARBOARD_SERVER = build
  const server = await startBenchServer(ServerKind.sparboard, { rooms: Math.max(...STEPS) })
  const httpUrl = server.target
    .url(0, 0)
    .replace(/^ws/, 'http')
    .replace(/\/yjs\/.*/, '')
  const pids = server.procs.map((p) => p.pid!)
  const load = new LoadGenerator(server.target, {
    clientsPerRoom: 10,
    writersPerRoom: 1,
    ratePerWriter: 50,
  })
  const rows: Row[] = []
  try {
    for (const rooms of STEPS) {
      await load.addRooms(rooms - load.rooms)
      await sleep(WARMUP_MS)
      const before = await serverFigures(httpUrl)
      const cpuBefore = userSystemSeconds(pids)
      const window = await load.measure(MEASURE_MS, pids)
      const after = await serverFigures(httpUrl)
      const cpuAfter = userSystemSeconds(pids)
      const f = relayFigures(window)
      const sorted = [...window.latenciesMs].sort((a, b) => a - b)
      const relayed = after.relay.get('+Inf')! - before.relay.get('+Inf')!
      const heldOver = (le: string) =>
        fmt(100 * (1 - (after.relay.get(le)! - before.relay.get(le)!) / relayed), 2)
      const perDelivery = (s: number) => fmt((s * 1e6) / window.delivered, 1)
      rows.push({
        build,
        round: round + 1,
        rooms,
        'updates/s in': fmt(f.updatesPerSecond, 0),
        'p50 ms': fmt(f.p50Ms, 2),
        'p99 ms': fmt(f.p99Ms, 1),
        'p99.9 ms': fmt(sorted[Math.floor(0.999 * (sorted.length - 1))], 1),
        'server held > 10 / 25 / 50 ms (%)': HELD_OVER.map(heldOver).join(' / '),
        'CPU µs/delivery (user + sys)': `${perDelivery(cpuAfter.user - cpuBefore.user)} + ${perDelivery(cpuAfter.system - cpuBefore.system)}`,
        'minor GC ms/s': fmt(((after.gcMinorS - before.gcMinorS) * 1000) / window.seconds, 1),
        'loop lag max ms': fmt(after.lagMaxS * 1000, 0),
        'clients CPU %': fmt(f.generatorCpuPercent, 0),
      })
      console.log(JSON.stringify(rows.at(-1)))
      if (after.gcMajorS > before.gcMajorS) console.log('  (a major GC ran in this window)')
    }
  } finally {
    load.close()
    await server.stop()
    await server.dispose()
  }
  return rows
}

pinLoadGenerator()
const rows: Row[] = []
for (let round = 0; round < ROUNDS; round++)
  for (const build of BUILDS.map((_, i) => BUILDS[(i + round) % BUILDS.length]!))
    rows.push(...(await run(build, round)))
console.log(
  `\nrelay tail, node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${pinningNote()}, ${STEPS.join('/')} rooms of 10 at 50 updates/s per room, ${MEASURE_MS / 1000} s measured after ${WARMUP_MS / 1000} s, ${new Date().toISOString()}`,
)
console.table(rows)
if (BUILDS.length > 1 || ROUNDS > 1) {
  const heldOver25 = (r: Row) => Number(r['server held > 10 / 25 / 50 ms (%)'].split(' / ')[1])
  console.log('medians over the rounds:')
  console.table(
    BUILDS.flatMap((build) =>
      STEPS.map((rooms) => {
        const mine = rows.filter((r) => r.build === build && r.rooms === rooms)
        return {
          build,
          rooms,
          'p99 ms': fmt(median(mine.map((r) => Number(r['p99 ms']))), 1),
          'server held > 25 ms (%)': fmt(median(mine.map(heldOver25)), 2),
          'minor GC ms/s': fmt(median(mine.map((r) => Number(r['minor GC ms/s']))), 1),
        }
      }),
    ),
  )
}
process.exit(0)
