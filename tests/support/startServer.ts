import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createLogger,
  createServer,
  type ServerOptions,
  type SparboardServer,
} from '@sparboard/server'
import type { CreatedWorkshop } from '@sparboard/protocol'

export interface RunningServer {
  readonly server: SparboardServer
  readonly url: string
  readonly wsUrl: string
  readonly dataDir: string
  /** Closes the server; keeps the data dir unless `wipe` is true. */
  stop(wipe?: boolean): Promise<void>
}

/** Starts the real server on port 0 with its own SQLite file in a temp dir. */
export async function startServer(
  options: ServerOptions & { port?: number } = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sparboard-test-'))
  const server = createServer({ logger: createLogger('silent'), ...options, dataDir })
  const { url } = await server.listen(options.port ?? 0, '127.0.0.1')
  return {
    server,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    dataDir,
    async stop(wipe = true) {
      await server.close()
      if (wipe) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Creates a workshop through the public API. */
export async function createWorkshop(
  baseUrl: string,
  body: Record<string, unknown> = {
    title: 'Sales & Operations',
    goals: ['Deliver on time', 'Grow margin'],
    sides: ['Sales', 'Operations'],
    cases: [{ title: 'Rush order', description: 'A key customer wants delivery in two days.' }],
    groups: 2,
  },
): Promise<CreatedWorkshop> {
  const res = await fetch(`${baseUrl}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`create workshop: ${res.status} ${await res.text()}`)
  return (await res.json()) as CreatedWorkshop
}
