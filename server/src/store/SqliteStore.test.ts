import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashToken } from './hashToken.js'
import { SqliteStore } from './SqliteStore.js'
import type { StoredBoard, WorkshopRecord } from './Store.js'
import { sampleWorkshop, storeContract } from './storeContract.js'
import { describe, expect, it } from 'vitest'

/** The tables a file had before personal tokens ([C20]), as that version created them. */
const LEGACY_SCHEMA = `
CREATE TABLE workshops (id TEXT PRIMARY KEY, data TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE tokens (
  hash BLOB PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  role TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE boards (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  snapshot BLOB
);
`

function writeLegacy(file: string, w: WorkshopRecord): void {
  const db = new Database(file)
  db.exec(LEGACY_SCHEMA)
  db.prepare('INSERT INTO workshops (id, data, created_at) VALUES (?, ?, ?)').run(
    w.id,
    JSON.stringify(w),
    w.createdAt,
  )
  for (const role of ['facilitator', 'participant', 'observer'] as const)
    db.prepare('INSERT INTO tokens (hash, workshop_id, role) VALUES (?, ?, ?)').run(
      hashToken(w.tokens[role]),
      w.id,
      role,
    )
  for (const b of w.boards)
    db.prepare('INSERT INTO boards (id, workshop_id) VALUES (?, ?)').run(b.id, w.id)
  db.close()
}

storeContract('SqliteStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sparboard-store-'))
  let file = join(dir, 'sparboard.sqlite')
  let store = new SqliteStore(file)
  return {
    get store() {
      return store
    },
    async reopen() {
      await store.close()
      store = new SqliteStore(file)
      return store
    },
    async legacy(workshop) {
      await store.close()
      file = join(dir, 'legacy.sqlite')
      writeLegacy(file, workshop)
      store = new SqliteStore(file)
      return store
    },
    async dispose() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})

describe('[E1] a board read off the main thread', () => {
  it('reads what loadBoard reads, the snapshot, every appended row in order, and writes committed meanwhile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sparboard-reader-'))
    const store = new SqliteStore(join(dir, 'sparboard.sqlite'))
    /** A stored board as plain values (2 MB arrays compared as bytes, not element by element). */
    const plain = ({ updates, ...counts }: StoredBoard) => ({
      ...counts,
      updates: updates.map((u) => Buffer.from(u).toString('base64')),
    })
    try {
      const w = sampleWorkshop(1)
      await store.createWorkshop(w)
      const board = w.boards[0]!.id
      const bytes = (n: number, size = 3) => new Uint8Array(size).fill(n)
      await store.appendUpdates(board, [bytes(1), bytes(2)])
      await store.compactBoard(board, bytes(9, 2_000_000))
      await store.appendUpdates(board, [bytes(3)])
      const offThread = store.loadBoardOffThread(board)
      // appended while the reader works: this read may have it, the next one does
      store.appendUpdatesNow(board, [bytes(4)])
      const first = await offThread
      expect(first.updates[0]!.byteLength).toBe(2_000_000)
      expect(first.updates.slice(1).map((u) => u[0])).toEqual(first.logRows === 2 ? [3, 4] : [3])
      const again = await store.loadBoardOffThread(board)
      expect(plain(again)).toEqual(plain(await store.loadBoard(board)))
      expect(again.updates.slice(1).map((u) => u[0])).toEqual([3, 4])
      expect(again.logRows).toBe(2)
      expect(again.logBytes).toBe(6)
      // an unknown board reads as an empty one, as loadBoard does
      expect(await store.loadBoardOffThread('nope')).toEqual(await store.loadBoard('nope'))
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
