import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { StoredBoard } from './Store.js'

/** How the store reads a board: its snapshot, then its log in order (SqliteStore uses the same). */
export const SELECT_SNAPSHOT = 'SELECT snapshot FROM boards WHERE id = ?'
export const SELECT_LOG = 'SELECT data FROM board_updates WHERE board_id = ? ORDER BY seq'

// Plain CommonJS, so the worker runs the same under node, tsx and vitest (no transpiling).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { readonly: true, fileMustExist: true })
db.pragma('busy_timeout = 1000')
const snapshot = db.prepare(${JSON.stringify(SELECT_SNAPSHOT)})
const log = db.prepare(${JSON.stringify(SELECT_LOG)})
const read = db.transaction((boardId) => {
  const s = snapshot.get(boardId)?.snapshot
  const rows = log.all(boardId).map((r) => r.data)
  return { updates: s ? [s, ...rows] : rows, logRows: rows.length, logBytes: rows.reduce((n, u) => n + u.byteLength, 0) }
})
parentPort.on('message', ({ id, boardId }) => {
  try {
    const { updates, logRows, logBytes } = read(boardId)
    // one buffer and its offsets: a log of 100,000 rows is one transfer, not 100,000
    const ends = new Float64Array(updates.length)
    let at = 0
    updates.forEach((u, i) => (ends[i] = at += u.byteLength))
    const bytes = new Uint8Array(at)
    updates.forEach((u, i) => bytes.set(u, i === 0 ? 0 : ends[i - 1]))
    parentPort.postMessage({ id, bytes, ends, logRows, logBytes }, [bytes.buffer, ends.buffer])
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) })
  }
})
`

/** The worker's answer: the board's updates as one buffer with the end of each. */
type ReaderAnswer =
  | { id: number; bytes: Uint8Array; ends: Float64Array; logRows: number; logBytes: number }
  | { id: number; error: string }

/**
 * Reads whole boards from the SQLite file on a thread of its own, with a read-only connection:
 * a large board (a 2 MB snapshot is ~500 pages) read on the main thread held the event loop for
 * 15-45 ms per read. For exports and other reads of a board that is not open in the hub; WAL
 * lets it read while the main connection writes, and it sees every committed append ([H3]).
 */
export class BoardReader {
  private worker: Worker | null = null
  private nextId = 0
  private readonly waiting = new Map<
    number,
    { resolve: (b: StoredBoard) => void; reject: (e: Error) => void }
  >()

  constructor(private readonly file: string) {}

  read(boardId: string): Promise<StoredBoard> {
    const worker = (this.worker ??= this.start())
    const id = ++this.nextId
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      worker.postMessage({ id, boardId })
    })
  }

  private start(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.file, driver },
    })
    worker.unref()
    worker.on('message', (m: ReaderAnswer) => {
      const w = this.waiting.get(m.id)
      this.waiting.delete(m.id)
      if ('error' in m) return w?.reject(new Error(`board read failed: ${m.error}`))
      const updates = Array.from(m.ends, (end, i) =>
        m.bytes.subarray(i === 0 ? 0 : m.ends[i - 1], end),
      )
      w?.resolve({ updates, logRows: m.logRows, logBytes: m.logBytes })
    })
    const fail = (err: Error) => {
      // the next read starts a new worker
      this.worker = null
      for (const w of this.waiting.values()) w.reject(err)
      this.waiting.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`board reader exited (${code})`)))
    return worker
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    await worker?.terminate()
  }
}
