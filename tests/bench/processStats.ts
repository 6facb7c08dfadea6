import { readdirSync, readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const { user, system } = userSystemSeconds([pid])
  return user + system
}

/** User and system CPU seconds the processes have used so far, summed, from /proc. */
export function userSystemSeconds(pids: readonly number[]): { user: number; system: number } {
  let user = 0
  let system = 0
  for (const pid of pids) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    user += Number(fields[11]) / TICKS_PER_SECOND
    system += Number(fields[12]) / TICKS_PER_SECOND
  }
  return { user, system }
}

/** The same, 0 for a process that has ended (a PostgreSQL backend may end within a window). */
export function cpuSecondsIfAlive(pid: number): number {
  try {
    return cpuSeconds(pid)
  } catch {
    return 0
  }
}

/** Resident memory of a process in MiB. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/**
 * Processes of the machine's shared services (Redis, PostgreSQL), whose CPU the three-node figures
 * report beside the nodes': they are not the bench's to pin (other users share them).
 */
export function servicePids(): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim()
      if (comm === 'redis-server' || comm === 'postgres') pids.push(Number(entry))
    } catch {
      // the process ended meanwhile
    }
  }
  return pids
}
