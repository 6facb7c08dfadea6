import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { onServerCpu } from './cpuPinning.js'
import { betterSqliteAddonForNode22, node22 } from './node22.js'

const main = fileURLToPath(new URL('./hocuspocusMain.ts', import.meta.url))

/**
 * Starts Hocuspocus 4 (`@hocuspocus/server`, a devDependency) under Node 22 as its own process on
 * the servers' CPU; `sqliteFile` adds its SQLite extension storing there.
 */
export async function startHocuspocus(
  options: { sqliteFile?: string; env?: Record<string, string> } = {},
): Promise<{ proc: ChildProcess; wsUrl: string }> {
  const env: Record<string, string> = { ...options.env }
  if (options.sqliteFile) {
    env.HOCUSPOCUS_SQLITE = options.sqliteFile
    env.HOCUSPOCUS_SQLITE_ADDON = betterSqliteAddonForNode22()
  }
  const { command, args } = onServerCpu([node22(), main])
  // Node 22 would otherwise take the bench's NODE_OPTIONS (tsx's loader for Node 20) along
  const { NODE_OPTIONS: _, ...inherited } = process.env
  const proc = spawn(command, args, {
    env: { ...inherited, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (line.startsWith('{"port"')) resolve((JSON.parse(line) as { port: number }).port)
    })
    proc.once('exit', (code) => reject(new Error(`hocuspocus exited (${code}) before listening`)))
  })
  return { proc, wsUrl: `ws://127.0.0.1:${port}` }
}
