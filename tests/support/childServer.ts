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

/**
 * Benchmarks measure what `pnpm start` runs, the build (`SPARBOARD_SERVER=built`, set by the
 * bench scripts after building); tests run the source under tsx, so they need no build. For an
 * A/B, `SPARBOARD_SERVER=dist-base` runs another build kept beside it (`cp -r server/dist
 * server/dist-base` before rebuilding). Read at each start, so one bench can alternate builds.
 */
const mainEntry = () =>
  process.env.SPARBOARD_SERVER === 'built'
    ? ['dist/main.js']
    : process.env.SPARBOARD_SERVER?.startsWith('dist-')
      ? [`${process.env.SPARBOARD_SERVER}/main.js`]
      : ['--conditions=sparboard-source', '--import', 'tsx', 'src/main.ts']

/**
 * Runs the server's entry file as its own process (so it can be killed, and measured); `script`
 * runs another source file under tsx instead, one that prints `{"port": n}` once listening.
 */
export async function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
  script?: string,
  /** Wraps the command, e.g. `taskset -c 0` for a bench that pins servers to a core. */
  wrap: (argv: string[]) => { command: string; args: string[] } = ([command, ...args]) => ({
    command: command!,
    args,
  }),
): Promise<ChildServer> {
  const entry = script ? ['--conditions=sparboard-source', '--import', 'tsx', script] : mainEntry()
  // e.g. SPARBOARD_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles every node
  const nodeArgs = process.env.SPARBOARD_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const { command, args } = wrap([process.execPath, ...nodeArgs, ...entry])
  const proc = spawn(command, args, {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | string | null>((resolve) =>
    proc.once('exit', (code, signal) => resolve(code ?? signal)),
  )
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! })
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { port?: number; level?: number }
        if (typeof entry.port === 'number') resolve(entry.port)
        // e.g. SPARBOARD_SERVER_LOG_LEVEL=40: a bench shows the servers' warnings (pino levels).
        if ((entry.level ?? 0) >= Number(process.env.SPARBOARD_SERVER_LOG_LEVEL ?? Infinity))
          process.stderr.write(`${line}\n`)
      } catch {
        // not a log line of ours
      }
    })
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening`)))
  })
  const url = `http://127.0.0.1:${port}`
  return { proc, port, url, wsUrl: url.replace(/^http/, 'ws'), exited }
}
