import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  statSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote, asNoteId, notesOf, readNotes, userOrigin } from '@sparboard/board-model'
import { spawnServer } from '../support/childServer.js'
import { cleanupAfterEach } from '../support/cleanup.js'
import { runScript } from '../support/runScript.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()
const anna = userOrigin('Anna')
const tempDir = () => mkdtempSync(join(tmpdir(), 'sparboard-backup-'))

/** Resolves once `doc` holds the note. */
const holds = (doc: Y.Doc, id: string) =>
  new Promise<void>((resolve) => {
    const check = () => {
      if (!notesOf(doc).has(id)) return
      doc.off('update', check)
      resolve()
    }
    doc.on('update', check)
    check()
  })

describe('pnpm backup and pnpm restore', () => {
  it('backs up a running server under continuous writes; the restore holds every board as one moment left them', async () => {
    const dataDir = tempDir()
    const node = track(await spawnServer(dataDir), (s) => s.proc.kill('SIGTERM'))
    const workshops = [await createWorkshop(node.url), await createWorkshop(node.url)]
    const boards = workshops.flatMap((w) =>
      w.boards.map((b) => {
        const open = (token: string) =>
          track(openBoard(node.wsUrl, b.id, token), (c) => c.provider.destroy())
        return { id: b.id, writer: open(w.tokens.participant), reader: open(w.tokens.observer) }
      }),
    )
    await Promise.all(boards.flatMap((b) => [synced(b.writer.provider), synced(b.reader.provider)]))

    // One note after another, round the boards, each written once the last was relayed (so
    // stored): a copy of one moment holds notes n0 .. n(k-1) and nothing else, whatever k is.
    let acknowledged = 0
    let writing = true
    const waiting: { count: number; resolve: () => void }[] = []
    /** Resolves once this many notes were relayed. */
    const relayed = (count: number) =>
      new Promise<void>((resolve) => waiting.push({ count, resolve }))
    const writes = (async () => {
      for (let i = 0; writing; i++) {
        const board = boards[i % boards.length]!
        const text = `Delivery dates slip, note ${i}`
        addNote(
          board.writer.doc,
          asNoteId(`n${i}`),
          { category: 'friction', x: i, y: i, text, author: 'Anna' },
          anna,
        )
        await holds(board.reader.doc, `n${i}`)
        acknowledged = i + 1
        for (const w of waiting) if (w.count <= acknowledged) w.resolve()
      }
    })()
    await relayed(40)

    const backup = join(tempDir(), 'sparboard-backup.sqlite')
    const storedBefore = acknowledged
    const run = await runScript('backup.ts', [backup], { DATA_DIR: dataDir })
    const storedAfter = acknowledged
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(run.stdout).toContain(backup)
    // the writes go on after the copy, as they did while it was taken
    await relayed(storedAfter + 8)
    writing = false
    await writes
    expect(acknowledged).toBeGreaterThan(storedAfter)
    // nothing but the one file is left next to it
    expect(readdirSync(join(backup, '..'))).toEqual(['sparboard-backup.sqlite'])

    const refused = await runScript('backup.ts', [backup], { DATA_DIR: dataDir })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('exists already')

    // into the running server's DATA_DIR: refused, nothing touched
    const busy = await runScript('restore.ts', [backup], { DATA_DIR: dataDir })
    expect(busy.code).toBe(1)
    expect(busy.stderr).toContain('is not empty')

    const restoredDir = join(tempDir(), 'data')
    const restore = await runScript('restore.ts', [backup], { DATA_DIR: restoredDir })
    expect(restore).toMatchObject({ code: 0, stderr: '' })
    const restored = track(await startServer({ dataDir: restoredDir }), (r) => r.stop())
    const held = await Promise.all(
      boards.map(async (board, index) => {
        const w = workshops[Math.floor(index / 2)]!
        const c = track(openBoard(restored.wsUrl, board.id, w.tokens.observer), (b) =>
          b.provider.destroy(),
        )
        await synced(c.provider)
        return readNotes(c.doc).map((n) => Number(n.id.slice(1)))
      }),
    )
    const all = held.flat().sort((a, b) => a - b)
    const k = all.length
    expect(all).toEqual(Array.from({ length: k }, (_, i) => i))
    expect(k).toBeGreaterThanOrEqual(storedBefore)
    expect(k).toBeLessThanOrEqual(storedAfter + 1)
    held.forEach((ids, index) => expect(ids.every((i) => i % boards.length === index)).toBe(true))
  })

  it('refuses a damaged backup before it writes anything', async () => {
    const running = track(await startServer(), (r) => r.stop())
    await createWorkshop(running.url)
    const backup = join(tempDir(), 'backup.sqlite')
    expect((await runScript('backup.ts', [backup], { DATA_DIR: running.dataDir })).code).toBe(0)
    const fd = openSync(backup, 'r+')
    const noise = Buffer.alloc(4096, 0xa5)
    writeSync(fd, noise, 0, noise.length, statSync(backup).size - noise.length)
    closeSync(fd)
    const restoredDir = join(tempDir(), 'data')
    const run = await runScript('restore.ts', [backup], { DATA_DIR: restoredDir })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`the backup ${backup} is damaged`)
    expect(existsSync(restoredDir)).toBe(false)
  })
})
