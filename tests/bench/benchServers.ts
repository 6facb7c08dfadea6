import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { spawnServer, type ChildServer } from '../support/childServer.js'
import { scaleSpace, type ScaleSpace } from '../support/scaleCluster.js'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { createWorkshop } from '../support/startServer.js'
import { expectPinned, onServerCpu, SERVER_CPU } from './cpuPinning.js'
import { startHocuspocus } from './hocuspocusServer.js'
import { lostKeystrokes, type Target } from './loadClients.js'
import { startReference } from './referenceServer.js'

/** The servers the benches compare (`BENCH_KINDS` takes these names, comma-separated). */
export const ServerKind = {
  reference: 'reference',
  referenceLeveldb: 'reference+leveldb',
  hocuspocus: 'hocuspocus',
  hocuspocusSqlite: 'hocuspocus+sqlite',
  sparboard: 'sparboard',
  sparboardThreeNodes: 'sparboard x3',
} as const
export type ServerKind = (typeof ServerKind)[keyof typeof ServerKind]

export const serverDescription: Record<ServerKind, string> = {
  reference: '@y/websocket-server 0.1.1, in memory (the floor)',
  'reference+leveldb':
    '@y/websocket-server 0.1.1 + YPERSISTENCE (y-leveldb, stores after relaying)',
  hocuspocus: '@hocuspocus/server 4.7.0 on Node 22, in memory',
  'hocuspocus+sqlite': '@hocuspocus/server 4.7.0 + extension-sqlite 4.7.0 (debounced 2 s / 10 s)',
  sparboard: 'Sparboard, one node, SQLite (stores before relaying, [H3])',
  'sparboard x3': 'Sparboard, three nodes on Redis + PostgreSQL (shared services, not pinned)',
}

/** Whether the server keeps what it relays on disk (and so must give it back after a restart). */
export const isDurable = (kind: ServerKind) =>
  kind !== ServerKind.reference && kind !== ServerKind.hocuspocus

/** The kinds a bench runs: `BENCH_KINDS` narrows `all`, in the order given there. */
export function kindsToRun(all: readonly ServerKind[]): ServerKind[] {
  const asked = process.env.BENCH_KINDS?.split(',').map((k) => k.trim()) as ServerKind[] | undefined
  if (!asked) return [...all]
  for (const k of asked)
    if (!all.includes(k)) throw new Error(`BENCH_KINDS: unknown "${k}" (${all.join(', ')})`)
  return asked
}

export interface BenchServer {
  readonly kind: ServerKind
  /** The server processes, whose CPU and memory the benches read from /proc. */
  readonly procs: ChildProcess[]
  readonly target: Target
  /** Stops the processes (gracefully, SIGTERM); what they stored stays for `restart`. */
  stop(): Promise<void>
  /** New processes on the same storage (after `stop`). */
  restart(): Promise<BenchServer>
  /** Deletes what was stored (after `stop`). */
  dispose(): Promise<void>
}

const stopProc = async (proc: ChildProcess) => {
  if (proc.exitCode !== null || proc.signalCode !== null) return
  const gone = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill('SIGTERM')
  await gone
}

/** A workshop with at least `rooms` boards (at most 20 cases x 20 groups). */
const workshopBody = (rooms: number) => {
  const groups = Math.min(20, Math.max(1, rooms))
  return {
    title: 'Bench',
    goals: ['Fast'],
    sides: ['A', 'B'],
    cases: Array.from({ length: Math.ceil(rooms / groups) }, (_, i) => ({ title: `Case ${i}` })),
    groups,
  }
}

/**
 * Every bench client connects from 127.0.0.1 with the one participant token, where a workshop's
 * people each have their own address and token: our per-address (800) and per-token (1,000) caps
 * on open connections would refuse the clients past them, and the peers have no such caps.
 * Lifted for the benches only, as a deployment behind one NAT would raise them (SECURITY.md).
 */
const BENCH_CAPS = {
  MAX_CONNECTIONS_PER_ADDRESS: '100000',
  MAX_CONNECTIONS_PER_TOKEN: '100000',
}

/**
 * Starts one kind of server on the servers' CPU for up to `rooms` rooms; `env(i)` adds to the
 * environment of its `i`th process, `body` replaces the workshop our servers are given.
 */
export async function startBenchServer(
  kind: ServerKind,
  options: {
    rooms: number
    env?: (i: number) => Record<string, string>
    body?: Record<string, unknown>
  },
): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `sparboard-bench-${kind.replace(/\W/g, '-')}-`))
  const dispose = async () => rmSync(dataDir, { recursive: true, force: true })
  const env = options.env ?? (() => ({}))
  if (kind === ServerKind.reference || kind === ServerKind.referenceLeveldb) {
    const persistDir = kind === ServerKind.referenceLeveldb ? join(dataDir, 'leveldb') : undefined
    const start = async (): Promise<BenchServer> => {
      const ref = await startReference({ persistDir, env: env(0) })
      return pinned({
        kind,
        procs: [ref.proc],
        target: { url: (room) => `${ref.wsUrl}/bench-room-${room}` },
        stop: () => stopProc(ref.proc),
        restart: start,
        dispose,
      })
    }
    return start()
  }
  if (kind === ServerKind.hocuspocus || kind === ServerKind.hocuspocusSqlite) {
    const sqliteFile = kind === ServerKind.hocuspocusSqlite ? join(dataDir, 'db.sqlite') : undefined
    const start = async (): Promise<BenchServer> => {
      const hp = await startHocuspocus({ sqliteFile, env: env(0) })
      return pinned({
        kind,
        procs: [hp.proc],
        target: { url: () => hp.wsUrl, hocuspocusDocument: (room) => `bench-room-${room}` },
        stop: () => stopProc(hp.proc),
        restart: start,
        dispose,
      })
    }
    return start()
  }
  const space: ScaleSpace | null = kind === ServerKind.sparboardThreeNodes ? scaleSpace() : null
  let workshop: CreatedWorkshop | null = null
  const start = async (): Promise<BenchServer> => {
    const nodes: ChildServer[] = []
    for (let i = 0; i < (space ? 3 : 1); i++)
      nodes.push(
        await spawnServer(
          join(dataDir, String(i)),
          { ...BENCH_CAPS, ...space?.env, ...env(i) },
          undefined,
          onServerCpu,
        ),
      )
    workshop ??= await createWorkshop(nodes[0]!.url, options.body ?? workshopBody(options.rooms))
    const w = workshop
    return pinned({
      kind,
      procs: nodes.map((n) => n.proc),
      // In three-node mode the clients of every room are spread over the nodes.
      target: {
        url: (room, client) =>
          `${nodes[(room + client) % nodes.length]!.wsUrl}/yjs/${w.boards[room]!.id}?token=${w.tokens.participant}`,
      },
      stop: async () => void (await Promise.all(nodes.map((n) => stopProc(n.proc)))),
      restart: start,
      async dispose() {
        await space?.drop()
        await dispose()
      },
    })
  }
  return start()
}

/** Checks that every thread of every server process is on the servers' CPU. */
function pinned(server: BenchServer): BenchServer {
  for (const p of server.procs) expectPinned(p.pid!, SERVER_CPU)
  return server
}

/**
 * The durability check: after the clients have gone, the server is stopped the way an operator
 * stops it (SIGTERM), started again on the same storage, and every room read back by a new client.
 * Returns the keystrokes that were typed and are not there (0 when it stored everything).
 */
export async function lostAfterRestart(
  server: BenchServer,
  typed: Map<number, Map<string, number>>,
): Promise<number> {
  await server.stop()
  const again = await server.restart()
  try {
    return await lostKeystrokes(again.target, typed)
  } finally {
    await again.stop()
  }
}
