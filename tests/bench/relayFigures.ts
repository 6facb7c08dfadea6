import type { LoadResult, LoadWindow } from './loadClients.js'

export const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length / 2
  return s.length === 0 ? NaN : s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2
}

export const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

/** What the benches print of one measured window. */
export interface RelayFigures {
  readonly p50Ms: number
  readonly p99Ms: number
  readonly updatesPerSecond: number
  readonly deliveriesPerSecond: number
  /** Server CPU (all its processes) per delivered update, µs: what relaying costs the server. */
  readonly cpuUsPerDelivery: number
  readonly serverCpuPercent: number
  readonly serverPeakRssMiB: number
  readonly generatorCpuPercent: number
  readonly servicesCpuPercent: number
}

export function relayFigures(w: LoadWindow): RelayFigures {
  const sorted = [...w.latenciesMs].sort((a, b) => a - b)
  return {
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    updatesPerSecond: w.sent / w.seconds,
    deliveriesPerSecond: w.delivered / w.seconds,
    cpuUsPerDelivery: ((w.serverCpuPercent / 100) * w.seconds * 1e6) / w.delivered,
    serverCpuPercent: w.serverCpuPercent,
    serverPeakRssMiB: w.serverPeakRssMiB,
    generatorCpuPercent: w.generatorCpuPercent,
    servicesCpuPercent: w.servicesCpuPercent,
  }
}

/** Above this the load generator's own core is the limit, not the server: its figures say so. */
export const GENERATOR_SATURATED_PERCENT = 90

export const fmt = (n: number | undefined, digits = 1) =>
  n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : 'n/a'

/** "all" when every client received every keystroke of the others, else what was missing. */
export const relayedNote = (r: Pick<LoadResult, 'expected' | 'missing' | 'extra'>) =>
  r.missing === 0 && r.extra === 0
    ? `all ${r.expected}`
    : `${r.missing} of ${r.expected} missing${r.extra ? `, ${r.extra} twice` : ''}`
