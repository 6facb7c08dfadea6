import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashToken } from './hashToken.js'
import { SqliteStore } from './SqliteStore.js'
import type { WorkshopRecord } from './Store.js'
import { storeContract } from './storeContract.js'

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
