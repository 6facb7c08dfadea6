import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../logger.js'
import { createMetrics } from '../metrics.js'
import { SqliteStore } from '../store/SqliteStore.js'
import { sampleWorkshop } from '../store/storeContract.js'
import { StoreBoardLogs } from './BoardLog.js'
import { MAX_HELD_MS } from './TurnCommit.js'
import { WriteAheadQueue, type Written } from './WriteAheadQueue.js'

const endOfTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
const bytes = (n: number) => new Uint8Array([n])

describe('[H3] group commit per turn', () => {
  let dir: string
  let store: SqliteStore
  /** A second connection to the same file: what a restarted server would read. */
  let reader: Database.Database
  let transactions: number
  const relayed: string[] = []
  let boards: string[] = []
  /** Every board's log of this store: they share one turn commit. */
  let logs: StoreBoardLogs | null = null

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sparboard-turn-'))
    store = new SqliteStore(join(dir, 'db.sqlite'))
    const w = sampleWorkshop(2)
    await store.createWorkshop(w)
    boards = w.boards.map((b) => b.id)
    reader = new Database(join(dir, 'db.sqlite'), { readonly: true })
    transactions = 0
    const transactionNow = store.transactionNow.bind(store)
    store.transactionNow = (work) => {
      transactions++
      transactionNow(work)
    }
    relayed.length = 0
    logs = null
  })
  afterEach(async () => {
    reader.close()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** The rows stored for a board, as another connection reads them. */
  const storedRows = (boardId: string) =>
    (
      reader.prepare('SELECT count(*) AS n FROM board_updates WHERE board_id = ?').get(boardId) as {
        n: number
      }
    ).n

  /**
   * `maxHeldMs` (the first call's counts: the boards share the store's turn) Infinity: the turn's
   * end alone commits what waits, however slow the machine.
   */
  async function queueFor(boardId: string, maxHeldMs = Infinity) {
    logs ??= new StoreBoardLogs(store, maxHeldMs)
    const boardLog = await logs.open(boardId)
    const queue = new WriteAheadQueue({
      boardId,
      boardLog,
      metrics: createMetrics(),
      log: createLogger('silent'),
      logRows: 0,
      logBytes: 0,
      shouldCompact: () => false,
      snapshot: () => new Uint8Array(),
      onStored: (batch: readonly Written[]) => {
        // relayed only once another connection can read it: stored first
        const rows = storedRows(boardId)
        for (const w of batch) relayed.push(`${boardId.slice(-2)}:${w.update[0]} rows=${rows}`)
      },
      ...(boardLog.turn && { turn: boardLog.turn }),
    })
    return queue
  }

  /**
   * Anna's 1 and 2 on the first board and Bram's 3 and 4 on the second: 1 committed alone, the
   * other three together (two rows each board by then).
   */
  const firstAloneThenOneCommit = () => {
    const [ka, kb] = [boards[0]!.slice(-2), boards[1]!.slice(-2)]
    return [`${ka}:1 rows=1`, `${ka}:2 rows=2`, `${kb}:3 rows=2`, `${kb}:4 rows=2`]
  }

  it('the first update of a turn is stored and relayed at once; the rest of the turn, of every board, in one commit at its end', async () => {
    const [a, b] = [await queueFor(boards[0]!), await queueFor(boards[1]!)]
    const [ka, kb] = [boards[0]!.slice(-2), boards[1]!.slice(-2)]
    a.push(bytes(1), 'anna', 0)
    expect(relayed).toEqual([`${ka}:1 rows=1`])
    a.push(bytes(2), 'anna', 0)
    b.push(bytes(3), 'bram', 0)
    b.push(bytes(4), 'bram', 0)
    // not relayed before the turn's commit
    expect(relayed).toHaveLength(1)
    expect(storedRows(boards[1]!)).toBe(0)
    await endOfTurn()
    expect(relayed).toEqual(firstAloneThenOneCommit())
    expect(transactions).toBe(1)
    // a quiet turn later: at once again
    b.push(bytes(5), 'bram', 0)
    expect(relayed.at(-1)).toBe(`${kb}:5 rows=3`)
    await a.close()
    await b.close()
  })

  it('a turn that reads for longer than its hold limit commits what it held so far at once, together, instead of at its end', async () => {
    // a limit far above MAX_HELD_MS, so that only the spin below can pass it on a slow machine
    const holdMs = 50 * MAX_HELD_MS
    const [a, b] = [await queueFor(boards[0]!, holdMs), await queueFor(boards[1]!)]
    const ka = boards[0]!.slice(-2)
    a.push(bytes(1), 'anna', 0)
    a.push(bytes(2), 'anna', 0)
    b.push(bytes(3), 'bram', 0)
    expect(relayed).toHaveLength(1)
    // the turn goes on reading (a burst after a pause): the held updates grow older
    const until = performance.now() + holdMs + 1
    while (performance.now() < until);
    b.push(bytes(4), 'bram', 0)
    // stored and relayed in this turn, in one transaction, in the order received
    expect(relayed).toEqual(firstAloneThenOneCommit())
    expect(transactions).toBe(1)
    // what arrives after that waits for the turn's end again
    a.push(bytes(5), 'anna', 0)
    expect(relayed).toHaveLength(4)
    await endOfTurn()
    expect(relayed.at(-1)).toBe(`${ka}:5 rows=3`)
    expect(transactions).toBe(2)
    await a.close()
    await b.close()
  })

  it('a sync answer computed in a turn waits for that turn’s commit', async () => {
    const a = await queueFor(boards[0]!)
    a.push(bytes(1), 'anna', 0)
    a.push(bytes(2), 'anna', 0)
    const answered: string[] = []
    a.whenStored('step 2', (answer) => answered.push(`${answer} rows=${storedRows(boards[0]!)}`))
    expect(answered).toEqual([])
    await endOfTurn()
    expect(answered).toEqual(['step 2 rows=2'])
    await a.close()
  })

  it('a board whose append fails in the turn is retried alone; the others of the turn are stored and relayed', async () => {
    const appendNow = store.appendUpdatesNow.bind(store)
    let failures = 1
    store.appendUpdatesNow = (boardId, updates) => {
      if (boardId === boards[1] && failures-- > 0) throw new Error('disk I/O error')
      appendNow(boardId, updates)
    }
    const [a, b] = [await queueFor(boards[0]!), await queueFor(boards[1]!)]
    const [ka, kb] = [boards[0]!.slice(-2), boards[1]!.slice(-2)]
    a.push(bytes(1), 'anna', 0)
    a.push(bytes(2), 'anna', 0)
    b.push(bytes(3), 'bram', 0)
    await endOfTurn()
    // the failed board's retry, after the turn's transaction, stores and relays it: nothing lost
    await expect.poll(() => relayed.length, { timeout: 5000 }).toBe(3)
    expect(relayed).toEqual([`${ka}:1 rows=1`, `${ka}:2 rows=2`, `${kb}:3 rows=1`])
    expect(failures).toBe(-1)
    await a.close()
    await b.close()
  })
})
