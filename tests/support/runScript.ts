import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const serverDir = fileURLToPath(new URL('../../server', import.meta.url))

export interface ScriptRun {
  /** The exit code, or the signal that ended it. */
  readonly code: number | string | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs one of the server's entry files (`main.ts`, `backup.ts`, `restore.ts`) from source as its
 * own process, as `pnpm start`, `pnpm backup` and `pnpm restore` run their builds; resolves with
 * what it printed once it exits (a server that starts must be stopped by the caller).
 */
export function runScript(
  entry: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<ScriptRun> {
  const proc = spawn(
    process.execPath,
    ['--conditions=sparboard-source', '--import', 'tsx', `src/${entry}`, ...args],
    { cwd: serverDir, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env } },
  )
  let stdout = ''
  let stderr = ''
  proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve) =>
    proc.once('close', (code, signal) => resolve({ code: code ?? signal, stdout, stderr })),
  )
}
