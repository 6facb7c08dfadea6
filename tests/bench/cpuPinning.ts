import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'

/**
 * Every server of a bench runs on CPU 0 and the load generator on CPU 1 (issue 19: measure
 * fairly): otherwise the 500-1,000 clients of the bench and the server take turns on the same two
 * cores, and whichever server costs more per update is also slowed by the clients queued behind
 * it. `taskset` sets the affinity before the server starts, so every thread it makes (libuv's
 * pool, V8's helpers, SQLite's checkpointer) inherits it. BENCH_PIN=0 turns it off; a machine
 * with one core cannot pin.
 */
export const pinning = process.env.BENCH_PIN !== '0' && cpus().length >= 2
export const SERVER_CPU = '0'
export const CLIENT_CPU = '1'

/** The command that runs `argv` on the servers' core. */
export function onServerCpu(argv: readonly string[]): { command: string; args: string[] } {
  if (!pinning) return { command: argv[0]!, args: argv.slice(1) }
  return { command: 'taskset', args: ['-c', SERVER_CPU, ...argv] }
}

/** Puts every thread of this process (the load generator) on the clients' core. */
export function pinLoadGenerator(): void {
  pinThisProcess(CLIENT_CPU)
}

/** Puts every thread of this process on `cpu` (a bench that is itself the server side). */
export function pinThisProcess(cpu: string): void {
  if (!pinning) return
  execFileSync('taskset', ['-a', '-p', '-c', cpu, String(process.pid)], { stdio: 'ignore' })
  expectPinned(process.pid, cpu)
}

/** The CPUs each thread of a process may run on, e.g. `0` or `0-1`, one entry per distinct set. */
export function affinities(pid: number): string[] {
  const sets = new Set<string>()
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const status = readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8')
      sets.add(/Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1] ?? '?')
    } catch {
      // the thread ended between listing and reading
    }
  }
  return [...sets]
}

/** Throws unless every thread of the process is on exactly `cpu`. */
export function expectPinned(pid: number, cpu: string): void {
  if (!pinning) return
  const sets = affinities(pid)
  if (sets.length !== 1 || sets[0] !== cpu)
    throw new Error(`process ${pid} runs on CPUs ${sets.join(', ')}, not ${cpu}`)
}

/** One line for a bench's header: where servers and clients ran. */
export const pinningNote = () =>
  pinning
    ? `servers on CPU ${SERVER_CPU}, load generator on CPU ${CLIENT_CPU} (taskset, every thread, checked)`
    : 'no CPU pinning (BENCH_PIN=0 or one core): servers and clients share every core'
