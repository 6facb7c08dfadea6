import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { SqliteStore } from './SqliteStore.js'
import { sampleWorkshop } from './storeContract.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const size = (f: string) => statSync(f, { throwIfNoEntry: false })?.size ?? 0
const update = new Uint8Array(4000).fill(1)

async function openStore(checkpointIntervalMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'sparboard-wal-'))
  dirs.push(dir)
  const file = join(dir, 'sparboard.sqlite')
  const store = new SqliteStore(file, { checkpointIntervalMs })
  const w = sampleWorkshop(1)
  await store.createWorkshop(w)
  return { store, file, boardId: w.boards[0]!.id }
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('WalCheckpointer', () => {
  it('no commit checkpoints: the database file stays as it was however long the WAL grows', async () => {
    const { store, file, boardId } = await openStore(10 * 60_000)
    const before = size(file)
    // ~2,500 pages: SQLite's automatic checkpoint (at 1,000) would have copied them in twice.
    for (let i = 0; i < 2500; i++) await store.appendUpdates(boardId, [update])
    expect(size(file)).toBe(before)
    expect(size(`${file}-wal`)).toBeGreaterThan(2500 * 4096)
    await store.close()
    // The last checkpoint on close put everything in the database file.
    const reopened = new SqliteStore(file)
    expect((await reopened.loadBoard(boardId)).logRows).toBe(2500)
    await reopened.close()
  })

  it('copies the WAL back into the database file from its worker while the store is idle', async () => {
    const { store, file, boardId } = await openStore(100)
    const before = size(file)
    // Fewer pages than SQLite's automatic checkpoint would ever wait for.
    for (let i = 0; i < 300; i++) await store.appendUpdates(boardId, [update])
    await until(() => size(file) > before + 300 * 4000)
    expect((await store.loadBoard(boardId)).logRows).toBe(300)
    await store.close()
  })
})

describe('SqliteStore.close', () => {
  it("resolves in a process that has nothing else to wait for (the worker is unref'd)", () => {
    // Regression: `await store.close()` as a script's last step ended the process with exit
    // code 13 (unsettled top-level await): nothing kept the loop alive for the worker's exit.
    const dir = mkdtempSync(join(tmpdir(), 'sparboard-close-'))
    dirs.push(dir)
    const script = join(dir, 'close.mts')
    const storeModule = fileURLToPath(new URL('./SqliteStore.ts', import.meta.url))
    writeFileSync(
      script,
      `import { SqliteStore } from ${JSON.stringify(storeModule)}\n` +
        `const store = new SqliteStore(${JSON.stringify(join(dir, 'x.sqlite'))})\n` +
        `await store.close()\nconsole.log('closed')\n`,
    )
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' })
    expect({ status: run.status, out: run.stdout.trim() }).toEqual({ status: 0, out: 'closed' })
  })
})
