import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'
import type { ReportFailure } from '../metrics.js'

/** SQLite's own default: checkpoint when the WAL passes this many pages. */
const AUTOCHECKPOINT_PAGES = 1000

// Plain CommonJS, so the worker runs the same under node, tsx and vitest (no transpiling).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
db.pragma('busy_timeout = 1000')
const run = () => {
  // SQLITE_BUSY and the like: the next round tries again; the server logs and counts it.
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch (err) { parentPort.postMessage(String(err)) }
}
const timer = setInterval(run, workerData.intervalMs)
parentPort.on('message', (m) => {
  if (m !== 'close') return
  clearInterval(timer)
  run()
  db.close()
  parentPort.close()
})
`

/**
 * Moves WAL checkpoints off the main thread. SQLite's automatic checkpoint runs inside the
 * commit that crosses 1,000 pages and fsyncs the database file there, which stalled the event
 * loop (and every board's relay) for 10-30 ms every second or so under load. Here the main
 * connection never checkpoints; a worker thread with its own connection copies the WAL back
 * every `intervalMs` (PASSIVE: it never blocks a writer). Commits stay durable against
 * `kill -9` as before: they are in the WAL file either way.
 */
export class WalCheckpointer {
  private readonly worker: Worker
  private stopped = false

  constructor(
    private readonly db: Database.Database,
    file: string,
    intervalMs = 1000,
    report?: ReportFailure,
  ) {
    db.pragma('wal_autocheckpoint = 0')
    // A WAL file that grew during a burst is cut back to this size once it is reset.
    db.pragma(`journal_size_limit = ${16 * 1024 * 1024}`)
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver, intervalMs },
    })
    this.worker.unref()
    this.worker.on('message', (failure: string) => report?.('wal-checkpoint', new Error(failure)))
    // Without its worker the WAL would grow without bound: checkpoint inline again instead.
    const fallBack = () => {
      if (!this.stopped && db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`)
    }
    this.worker.on('error', fallBack)
    this.worker.on('exit', fallBack)
  }

  /** Runs a last checkpoint and stops the worker (before the main connection closes). */
  async close(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    const exited = new Promise((resolve) => this.worker.once('exit', resolve))
    // Unref'd, the worker would not keep a process alive that has nothing left but this wait.
    this.worker.ref()
    this.worker.postMessage('close')
    await exited
  }
}
