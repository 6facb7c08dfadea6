import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SqliteStore } from './SqliteStore.js'
import { sampleWorkshop } from './storeContract.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function openStore() {
  const dir = mkdtempSync(join(tmpdir(), 'sparboard-group-'))
  dirs.push(dir)
  return new SqliteStore(join(dir, 'sparboard.sqlite'))
}

describe('GroupCommit (SqliteStore appends)', () => {
  it('commits the appends of many boards made in one turn, each in order', async () => {
    const store = await openStore()
    const w = sampleWorkshop(3)
    await store.createWorkshop(w)
    const appended = w.boards.flatMap((b, i) =>
      [1, 2, 3].map((n) => store.appendUpdates(b.id, [Uint8Array.of(i, n)])),
    )
    await Promise.all(appended)
    for (const [i, b] of w.boards.entries()) {
      const { updates } = await store.loadBoard(b.id)
      expect(updates.map((u) => [...u])).toEqual([
        [i, 1],
        [i, 2],
        [i, 3],
      ])
    }
    await store.close()
  })

  it('a board deleted with appends on their way fails only its own; the others are stored', async () => {
    const store = await openStore()
    const kept = sampleWorkshop(1)
    const gone = sampleWorkshop(1)
    await store.createWorkshop(kept)
    await store.createWorkshop(gone)
    const keptAppend = store.appendUpdates(kept.boards[0]!.id, [Uint8Array.of(7)])
    const goneAppend = store.appendUpdates(gone.boards[0]!.id, [Uint8Array.of(8)])
    // Deleted in the same turn, before the group commit runs: its rows now break a foreign key.
    await store.deleteWorkshop(gone.id)
    await expect(goneAppend).rejects.toThrow(/FOREIGN KEY/)
    await keptAppend
    expect((await store.loadBoard(kept.boards[0]!.id)).updates.map((u) => [...u])).toEqual([[7]])
    await store.close()
  })

  it('appends still pending when the store closes are committed first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sparboard-group-'))
    dirs.push(dir)
    const file = join(dir, 'sparboard.sqlite')
    const store = new SqliteStore(file)
    const w = sampleWorkshop(1)
    await store.createWorkshop(w)
    const pending = store.appendUpdates(w.boards[0]!.id, [Uint8Array.of(9)])
    await store.close()
    await pending
    const reopened = new SqliteStore(file)
    expect((await reopened.loadBoard(w.boards[0]!.id)).updates.map((u) => [...u])).toEqual([[9]])
    await reopened.close()
  })
})
