import { readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

/** Resident memory of a process in MiB. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/** Samples a process while `run` goes: CPU share of one core over the window, peak RSS. */
export async function measure<T>(pid: number, run: () => Promise<T>) {
  let peakRss = rssMiB(pid)
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(pid))), 250)
  const cpu0 = cpuSeconds(pid)
  const t0 = performance.now()
  try {
    const result = await run()
    const wall = (performance.now() - t0) / 1000
    return { result, cpuPercent: ((cpuSeconds(pid) - cpu0) / wall) * 100, peakRssMiB: peakRss }
  } finally {
    clearInterval(sampler)
  }
}
