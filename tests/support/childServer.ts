import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const serverDir = fileURLToPath(new URL('../../server', import.meta.url))

export interface ChildServer {
  readonly proc: ChildProcess
  readonly port: number
  readonly url: string
  readonly wsUrl: string
  /** Resolves with the exit code (or signal) once the process is gone. */
  readonly exited: Promise<number | string | null>
}

/** Runs `server/src/main.ts` as its own process (so it can be killed, and measured). */
export async function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const proc = spawn(
    process.execPath,
    ['--conditions=sparboard-source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd: serverDir,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const exited = new Promise<number | string | null>((resolve) =>
    proc.once('exit', (code, signal) => resolve(code ?? signal)),
  )
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! })
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { port?: number }
        if (typeof entry.port === 'number') resolve(entry.port)
      } catch {
        // not a log line of ours
      }
    })
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening`)))
  })
  const url = `http://127.0.0.1:${port}`
  return { proc, port, url, wsUrl: url.replace(/^http/, 'ws'), exited }
}
