import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Pinned: the reference the issue names, with the same yjs as ours. */
const REFERENCE = '@y/websocket-server@0.1.1'
const YJS = 'yjs@13.6.33'

/**
 * Installs the reference server outside the workspace: inside it, its optional leveldown
 * build makes `pnpm install` fail for everyone. Scripts are skipped (leveldown stays unbuilt;
 * we never turn on its persistence), but optional deps stay: its `ws` is one of them.
 */
function installReference(): string {
  const dir = join(tmpdir(), 'sparboard-bench-reference')
  const entry = join(dir, 'node_modules/@y/websocket-server/src/server.js')
  if (existsSync(entry)) return entry
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n')
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', REFERENCE, YJS], {
    cwd: dir,
    stdio: 'inherit',
  })
  return entry
}

/** A port nothing listens on at the moment (on loopback). */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

/** Starts `@y/websocket-server` as its own process on a free loopback port. */
export async function startReference(
  env: Record<string, string> = {},
): Promise<{ proc: ChildProcess; wsUrl: string }> {
  const entry = installReference()
  const port = await freePort()
  const proc = spawn(process.execPath, [entry], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('running') && resolve())
    proc.once('exit', (code) => reject(new Error(`reference server exited (${code})`)))
  })
  return { proc, wsUrl: `ws://127.0.0.1:${port}` }
}
