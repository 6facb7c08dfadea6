import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { onServerCpu } from './cpuPinning.js'

/** A port nothing listens on at the moment (on loopback). */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

/** The reference's own entry file (`@y/websocket-server@0.1.1`, a devDependency, on its own `ws`). */
const entry = join(
  dirname(createRequire(import.meta.url).resolve('@y/websocket-server/package.json')),
  'src/server.js',
)

/**
 * Starts `@y/websocket-server` as its own process on a free loopback port, on the servers' CPU.
 * `persistDir` turns on its own persistence (`YPERSISTENCE`, y-leveldb): it stores each update
 * after it has relayed it.
 */
export async function startReference(
  options: { persistDir?: string; env?: Record<string, string> } = {},
): Promise<{ proc: ChildProcess; wsUrl: string }> {
  const port = await freePort()
  // e.g. BENCH_PEER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the reference
  const nodeArgs = process.env.BENCH_PEER_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const { command, args } = onServerCpu([process.execPath, ...nodeArgs, entry])
  const proc = spawn(command, args, {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...(options.persistDir ? { YPERSISTENCE: options.persistDir } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('running') && resolve())
    proc.once('exit', (code) => reject(new Error(`reference server exited (${code})`)))
  })
  return { proc, wsUrl: `ws://127.0.0.1:${port}` }
}
