import Database from 'better-sqlite3'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { checkDatabase } from './checkDatabase.js'

/** A backup or restore that cannot go on, with what to do about it; no stack trace needed. */
export class BackupError extends Error {
  override name = 'BackupError'
}

/** The data file's name in DATA_DIR. */
export const DATA_FILE = 'sparboard.sqlite'

/**
 * Pages per step of SQLite's online backup: all of them. In one step the copy is one read
 * transaction, a consistent snapshot however much the server writes meanwhile (WAL readers do not
 * block its writers); in small steps every write of the server would restart it.
 */
const ALL_PAGES = 0x7fffffff

/** Copies an open database with the online backup API into `partial`, then moves it to `target`. */
async function copyDatabase(db: Database.Database, target: string): Promise<void> {
  const partial = `${target}.partial-${process.pid}`
  try {
    await db.backup(partial, { progress: () => ALL_PAGES })
    // One self-contained file: no -wal or -shm appears next to it when it is read later.
    const copy = new Database(partial)
    copy.pragma('journal_mode = DELETE')
    copy.close()
    const problem = checkDatabase(partial)
    if (problem) throw new BackupError(`the copy did not check out (${problem}); nothing written`)
    renameSync(partial, target)
  } finally {
    rmSync(partial, { force: true })
  }
}

/**
 * Takes a consistent copy of a running server's data file into `target`, from another process:
 * the server goes on writing meanwhile. Refuses to overwrite a file.
 * @example await backupDatabase('./data/sparboard.sqlite', '/backups/2026-12-01.sqlite')
 */
export async function backupDatabase(source: string, target: string): Promise<{ bytes: number }> {
  if (!existsSync(source)) throw new BackupError(`there is no data file at ${source}`)
  if (existsSync(target)) throw new BackupError(`${target} exists already; name a new file`)
  const db = new Database(source, { fileMustExist: true })
  try {
    // The server may hold the write lock for a moment; the backup waits rather than fails.
    db.pragma('busy_timeout = 5000')
    await copyDatabase(db, target)
  } finally {
    db.close()
  }
  return { bytes: statSync(target).size }
}

/**
 * Brings a backup back as the data file of an empty DATA_DIR (created if missing), after checking
 * it: a damaged copy, or one that is not Sparboard's, is refused before anything is written.
 * @example await restoreDatabase('/backups/2026-12-01.sqlite', './data')
 */
export async function restoreDatabase(backup: string, dataDir: string): Promise<string> {
  if (!existsSync(backup)) throw new BackupError(`there is no backup file at ${backup}`)
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new BackupError(
      `DATA_DIR ${dataDir} is not empty: restore only into an empty one ` +
        '(stop the server and move the damaged files aside first)',
    )
  const problem = checkDatabase(backup, { readonly: true })
  if (problem) throw new BackupError(`the backup ${backup} is damaged (${problem})`)
  const db = new Database(backup, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .all()
      .map((t) => t.name)
    if (!tables.includes('workshops') || !tables.includes('boards'))
      throw new BackupError(`${backup} is not a Sparboard data file (no workshops, no boards)`)
    mkdirSync(dataDir, { recursive: true })
    const target = join(dataDir, DATA_FILE)
    await copyDatabase(db, target)
    return target
  } finally {
    db.close()
  }
}
