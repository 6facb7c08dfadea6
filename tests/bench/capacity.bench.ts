/**
 * `pnpm bench:capacity`: how much load one core carries before the relay's tail breaks (issue 19).
 * Each server runs on CPU 0, the clients on CPU 1. Rooms of 10 clients, one writer per room at 50
 * updates/s; every step adds rooms to the running server while the others keep writing, warms up,
 * measures, and prints. A server's ramp ends at the first step whose relay p99 is over 50 ms (or
 * at the last step, or when the load generator's own core is the limit). The figure is the update
 * rate into the core at which p99 crosses 50 ms, interpolated between the two steps around it.
 * Not a test: it prints figures.
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
import { LoadGenerator } from './loadClients.js'
import {
  fmt,
  GENERATOR_SATURATED_PERCENT,
  median,
  relayedNote,
  relayFigures,
  type RelayFigures,
} from './relayFigures.js'

const CLIENTS_PER_ROOM = 10
const RATE = 50
const P99_LIMIT_MS = 50
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
/**
 * Rooms per step: finer at first, coarser later, so that a ramp has at most 10 steps (each ~11 s
 * with the room openings) and 3 rounds of 5 servers stay under ~25 minutes in the worst case.
 */
const STEPS = (process.env.BENCH_STEPS ?? '10,20,30,45,60,75,90,110,130,150,170,190,210')
  .split(',')
  .map(Number)
const MAX_ROOMS = Math.max(...STEPS)
const WARMUP_MS = env('BENCH_WARMUP_SECONDS', 2) * 1000
const MEASURE_MS = env('BENCH_SECONDS', 8) * 1000
const ROUNDS = env('BENCH_ROUNDS', 3)
/** The load at which every server's CPU per delivery is compared (1,500 updates/s in). */
const COMPARE_ROOMS = env('BENCH_COMPARE_ROOMS', 30)
const kinds = kindsToRun([
  ServerKind.reference,
  ServerKind.referenceLeveldb,
  ServerKind.hocuspocus,
  ServerKind.hocuspocusSqlite,
  ServerKind.sparboard,
  ...(process.env.BENCH_KINDS?.includes(ServerKind.sparboardThreeNodes)
    ? [ServerKind.sparboardThreeNodes]
    : []),
])

interface Step extends RelayFigures {
  readonly rooms: number
}
interface Ramp {
  readonly kind: ServerKind
  readonly round: number
  readonly steps: Step[]
  /** Updates/s into the core at which p99 crossed the limit; undefined if it never did. */
  readonly crossing: number | undefined
  /**
   * Why the ramp ended: the tail crossed (at the first step already: `p99 at once`), the load
   * generator could not keep up (its core over 90 %, or under 90 % of the offered rate sent), or
   * the last step was reached.
   */
  readonly end: 'p99' | 'p99 at once' | 'clients' | 'last step'
  readonly relayed: string
  readonly lost: number | undefined
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Linear between the last step under the limit and the first over it, in updates/s. */
function crossingRate(below: Step | undefined, above: Step): number {
  if (!below) return above.updatesPerSecond
  const f = (P99_LIMIT_MS - below.p99Ms) / (above.p99Ms - below.p99Ms)
  return below.updatesPerSecond + f * (above.updatesPerSecond - below.updatesPerSecond)
}

async function ramp(kind: ServerKind, round: number): Promise<Ramp> {
  const server = await startBenchServer(kind, { rooms: MAX_ROOMS })
  const pids = server.procs.map((p) => p.pid!)
  const load = new LoadGenerator(server.target, {
    clientsPerRoom: CLIENTS_PER_ROOM,
    writersPerRoom: 1,
    ratePerWriter: RATE,
  })
  const steps: Step[] = []
  let end: Ramp['end'] = 'last step'
  let crossing: number | undefined
  try {
    for (const rooms of STEPS) {
      await load.addRooms(rooms - load.rooms)
      await sleep(WARMUP_MS)
      const step: Step = { ...relayFigures(await load.measure(MEASURE_MS, pids)), rooms }
      steps.push(step)
      console.log(
        `${kind}, round ${round + 1}: ${rooms} rooms (${rooms * CLIENTS_PER_ROOM} clients), ${rooms * RATE} updates/s offered, ${fmt(step.updatesPerSecond, 0)} sent in, ${fmt(step.deliveriesPerSecond, 0)} deliveries/s out, p50 ${fmt(step.p50Ms, 2)} ms, p99 ${fmt(step.p99Ms, 2)} ms, server CPU ${fmt(step.serverCpuPercent)} % (${fmt(step.cpuUsPerDelivery, 1)} µs per delivery), clients CPU ${fmt(step.generatorCpuPercent)} %, load ${loadavg()[0]!.toFixed(1)}`,
      )
      if (step.p99Ms > P99_LIMIT_MS) {
        crossing = crossingRate(steps.at(-2), step)
        end = steps.length === 1 ? 'p99 at once' : 'p99'
        break
      }
      if (
        step.generatorCpuPercent > GENERATOR_SATURATED_PERCENT ||
        step.updatesPerSecond < 0.9 * rooms * RATE
      ) {
        end = 'clients'
        break
      }
    }
    const relayed = relayedNote(await load.complete(30_000))
    const typed = load.typedNotes()
    load.close()
    let lost: number | undefined
    if (isDurable(kind) && round === 0) {
      await sleep(2500)
      lost = await lostAfterRestart(server, typed)
    }
    return { kind, round, steps, crossing, end, relayed, lost }
  } finally {
    load.close()
    await server.stop()
    await server.dispose()
  }
}

pinLoadGenerator()
console.log(
  `capacity: rooms of ${CLIENTS_PER_ROOM} clients, 1 writer per room at ${RATE} updates/s, rooms per step ${STEPS.join(', ')}, ${WARMUP_MS / 1000} s warm-up + ${MEASURE_MS / 1000} s measured per step, until p99 > ${P99_LIMIT_MS} ms; ${pinningNote()}`,
)
const ramps: Ramp[] = []
for (let round = 0; round < ROUNDS; round++)
  for (const kind of kinds.map((_, i) => kinds[(i + round) % kinds.length]!))
    ramps.push(await ramp(kind, round))

const capacityNote = (r: Ramp) => {
  const last = r.steps.at(-1)!
  if (r.end === 'p99 at once') return `< ${fmt(last.updatesPerSecond, 0)} (the first step crossed)`
  if (r.crossing !== undefined) return fmt(r.crossing, 0)
  return `> ${fmt(last.updatesPerSecond, 0)} (${r.end === 'clients' ? 'the clients could not keep up' : 'never crossed'})`
}
console.log(
  `\ncapacity benchmark, node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${new Date().toISOString()}`,
)
for (const k of kinds) console.log(`  ${k}: ${serverDescription[k]}`)
console.table(
  ramps.map((r) => ({
    server: r.kind,
    round: r.round + 1,
    'updates/s into one core at p99 = 50 ms': capacityNote(r),
    steps: r.steps.length,
    [`CPU µs/delivery at ${COMPARE_ROOMS} rooms`]: fmt(
      r.steps.find((s) => s.rooms === COMPARE_ROOMS)?.cpuUsPerDelivery,
      1,
    ),
    relayed: r.relayed,
    'lost after restart': r.lost ?? '',
  })),
)

/** Per server over the rounds: the median crossing (a ramp that never crossed counts as its last step). */
const summary = (kind: ServerKind) => {
  const of = ramps.filter((r) => r.kind === kind)
  return {
    capacity: median(of.map((r) => r.crossing ?? r.steps.at(-1)!.updatesPerSecond)),
    allCrossed: of.every((r) => r.end === 'p99'),
    cpuUs: median(
      of.flatMap((r) =>
        r.steps.filter((s) => s.rooms === COMPARE_ROOMS).map((s) => s.cpuUsPerDelivery),
      ),
    ),
  }
}
const reference = kinds.includes(ServerKind.reference) ? summary(ServerKind.reference) : null
const durablePeers = kinds.filter(
  (k) => k === ServerKind.referenceLeveldb || k === ServerKind.hocuspocusSqlite,
)
const bestDurable = durablePeers.length
  ? Math.max(...durablePeers.map((k) => summary(k).capacity))
  : NaN
console.log(`\nmedians of ${ROUNDS} rounds:`)
console.table(
  kinds.map((k) => {
    const s = summary(k)
    return {
      server: k,
      // a ramp that crossed at its first step or never crossed makes the median a bound only
      'updates/s at p99 = 50 ms': `${s.allCrossed ? '' : '~ '}${fmt(s.capacity, 0)}`,
      '/ best durable peer': fmt(s.capacity / bestDurable, 2),
      '/ reference': reference ? fmt(s.capacity / reference.capacity, 2) : 'n/a',
      [`CPU µs/delivery (${COMPARE_ROOMS} rooms)`]: fmt(s.cpuUs, 1),
      'CPU / reference': reference ? fmt(s.cpuUs / reference.cpuUs, 2) : 'n/a',
    }
  }),
)
process.exit(0)
