import {
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addNote, asNoteId, userOrigin } from '@sparboard/board-model'
import { cleanupAfterEach } from '../support/cleanup.js'
import { spawnServer } from '../support/childServer.js'
import { eventually } from '../support/eventually.js'
import { prng } from '../support/prng.js'
import { runScript } from '../support/runScript.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()
const PAGE = 4096

/** A data file as a stopped server left it: a workshop with a board of forty notes. */
async function dataFile() {
  const running = await startServer()
  const w = await createWorkshop(running.url)
  const board = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.participant)
  await synced(board.provider)
  for (let i = 0; i < 40; i++) {
    const text = `Delivery dates slip, week ${i}. `.repeat(6)
    addNote(
      board.doc,
      asNoteId(`n${i}`),
      { category: 'friction', x: i, y: i, text, author: 'Anna' },
      userOrigin('Anna'),
    )
  }
  await eventually(async () => {
    const stored = await running.server.store.loadBoard(w.boards[0]!.id)
    expect(stored.logRows).toBeGreaterThan(0)
  })
  board.provider.destroy()
  await eventually(() => expect(running.server.hub.openBoards).toBe(0))
  await running.stop(false)
  return { dir: running.dataDir, file: join(running.dataDir, 'sparboard.sqlite'), w }
}

/** A DATA_DIR holding a copy of `file`, damaged by `damage`. */
function damagedCopy(file: string, name: string, damage: (copy: string) => void) {
  const dir = join(file, '..', name)
  mkdirSync(dir)
  const copy = join(dir, 'sparboard.sqlite')
  copyFileSync(file, copy)
  damage(copy)
  return { dir, copy }
}

function randomLastPages(copy: string, pages: number, seed: number): void {
  const random = prng(seed)
  const bytes = Buffer.from(Array.from({ length: pages * PAGE }, () => random.int(256)))
  const fd = openSync(copy, 'r+')
  writeSync(fd, bytes, 0, bytes.length, statSync(copy).size - bytes.length)
  closeSync(fd)
}

describe('a damaged data file at start', () => {
  it('stops the server with one line naming the file and the restore command, never a stack trace; a sound file starts', async () => {
    const { file, w } = await dataFile()
    const damaged = [
      damagedCopy(file, 'random', (copy) => randomLastPages(copy, 2, 15)),
      damagedCopy(file, 'truncated', (copy) => truncateSync(copy, 3 * PAGE)),
      damagedCopy(file, 'header', (copy) => truncateSync(copy, 50)),
    ]
    for (const { dir, copy } of damaged) {
      const run = await runScript('main.ts', [], { DATA_DIR: dir })
      expect(run.code).toBe(1)
      const lines = run.stdout.trim().split('\n')
      const fatal = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.level === 60)
      expect(fatal).toMatchObject({ file: copy })
      expect(fatal!.msg).toContain(copy)
      expect(fatal!.msg).toContain('pnpm restore <backup-file>')
      expect(fatal).not.toHaveProperty('err')
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at /m)
    }

    const sound = track(await spawnServer(join(file, '..')), (s) => s.proc.kill('SIGTERM'))
    const res = await fetch(`${sound.url}/api/workshops/${w.id}`, {
      headers: { authorization: `Bearer ${w.tokens.observer}` },
    })
    expect(res.status).toBe(200)
  })
})
