import type { Logger } from 'pino'
import type { Metrics } from '../metrics.js'
import type { BoardLog } from './BoardLog.js'
import type { TurnAppend, TurnCommit, TurnWriter } from './TurnCommit.js'

/** An update the store has accepted, ready to be relayed. */
export interface Written {
  readonly update: Uint8Array
  /** The connection it came from (not relayed back there). */
  readonly origin: unknown
  readonly receivedAt: number
  readonly seq: number
}

export interface WriteAheadOptions {
  readonly boardId: string
  /** Where the board's updates go before any relay (the store, or the scale-out log). */
  readonly boardLog: BoardLog
  readonly metrics: Metrics
  readonly log: Logger
  readonly logRows: number
  readonly logBytes: number
  readonly shouldCompact: (logRows: number, logBytes: number) => boolean
  /** The whole board as one update ([H4]: of the live doc, not a merge of the log). */
  readonly snapshot: () => Uint8Array
  /** Called with each batch once the store holds it, in order. */
  readonly onStored: (batch: readonly Written[]) => void
  /** The hub's group commit per turn, where the log appends synchronously ([H3]). */
  readonly turn?: TurnCommit
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A board's writes on their way to the store ([H3]): appended in batches, in order, one batch at a
 * time; nothing is handed on (relayed, or answered in a sync step 2) before the store holds it.
 */
export class WriteAheadQueue implements TurnWriter {
  private pending: Written[] = []
  private held: { seq: number; deliver: () => void }[] = []
  private appliedSeq = 0
  private storedSeq = 0
  private unstored = false
  private flushing: Promise<void> | null = null
  /** A compaction under way; appends wait for it only where the log cannot take them meanwhile. */
  private compacting: Promise<void> | null = null
  private closing = false
  private logRows: number
  private logBytes: number

  constructor(private readonly o: WriteAheadOptions) {
    this.logRows = o.logRows
    this.logBytes = o.logBytes
  }

  push(update: Uint8Array, origin: unknown, receivedAt: number): void {
    this.pending.push({ update, origin, receivedAt, seq: ++this.appliedSeq })
    // A log that appends synchronously stores and relays in the task that received the update:
    // no promise between the commit and the peers. Behind a failed append or a compaction under
    // way, the update waits its turn in the asynchronous flush.
    // With a turn commit, only the turn's first append commits on its own; the rest of the turn's
    // wait for its end and commit together.
    const appendNow = this.o.boardLog.appendNow
    if (!appendNow || this.flushing) this.schedule()
    else if (!this.o.turn) this.flushNow(appendNow)
    else this.o.turn.offer(this, () => this.flushNow(appendNow))
  }

  /** [H3] The turn's end: appends what waited, inside the turn's one transaction. */
  appendInTurn(): TurnAppend | null {
    const appendNow = this.o.boardLog.appendNow
    // closing or a failure moved the updates to the asynchronous flush meanwhile
    if (this.flushing || !appendNow || this.pending.length === 0) return null
    const batch = this.pending.splice(0)
    // only this board's statement is undone on failure; the others' appends in the turn stand.
    // Its retry starts after the turn's transaction: begun inside, its first append would join it.
    if (!this.appendSync(appendNow, batch, true)) return null
    return {
      committed: () => this.storedNow(batch),
      failed: (err) => this.appendFailed(batch, err),
    }
  }

  /** Delivers `value` once every update pushed so far is stored (at once if it already is). */
  whenStored<T>(value: T, deliver: (value: T) => void): void {
    if (this.storedSeq >= this.appliedSeq) deliver(value)
    else this.held.push({ seq: this.appliedSeq, deliver: () => deliver(value) })
  }

  /** Stores what is queued, drops held deliveries and folds the log into a snapshot. */
  async close(): Promise<void> {
    this.closing = true
    this.held = []
    // what waits for the turn's commit is stored by the asynchronous flush instead
    if (this.pending.length > 0) this.schedule()
    while (this.flushing || this.compacting) await (this.flushing ?? this.compacting)
    if (this.logRows > 0 || this.unstored) await this.compact()
  }

  private schedule(): void {
    if (this.flushing) return
    this.flushing = this.flush().finally(() => {
      this.flushing = null
      if (this.pending.length > 0) this.schedule()
    })
  }

  private flushNow(appendNow: (updates: readonly Uint8Array[]) => void): void {
    const batch = this.pending.splice(0)
    if (this.appendSync(appendNow, batch, false)) this.storedNow(batch)
  }

  /** Appends a batch synchronously, timed; on failure it goes back to the retrying flush. */
  private appendSync(
    appendNow: (updates: readonly Uint8Array[]) => void,
    batch: Written[],
    inTransaction: boolean,
  ): boolean {
    const stop = this.o.metrics.appendSeconds.startTimer()
    try {
      appendNow(batch.map((w) => w.update))
      return true
    } catch (err) {
      this.appendFailed(batch, err, inTransaction)
      return false
    } finally {
      stop()
    }
  }

  /** Not stored, so not relayed: the batch goes back first in line for the retrying flush. */
  private appendFailed(batch: Written[], err: unknown, afterTransaction = false): void {
    this.o.log.error({ err, board: this.o.boardId, attempt: 0 }, 'store append failed')
    this.pending.unshift(...batch)
    if (afterTransaction) queueMicrotask(() => this.schedule())
    else this.schedule()
  }

  /** A synchronous append is in: relay it, then fold the log if it is due. */
  private storedNow(batch: readonly Written[]): void {
    this.stored(batch)
    const compaction = this.startCompaction()
    if (compaction) {
      this.flushing = compaction.finally(() => {
        this.flushing = null
        if (this.pending.length > 0) this.schedule()
      })
    }
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0)
      if (!(await this.append(batch))) {
        this.unstored = true
        continue
      }
      this.stored(batch)
      await this.startCompaction()
    }
  }

  /**
   * [H4] Starts folding the log once it is due. Returns what appends must wait for: the
   * compaction, where the log replaces all its rows with the snapshot (the store's), or nothing,
   * where it folds only what the snapshot is known to cover ([S6], the stream's): there a slow
   * snapshot write does not hold up the board's writes.
   */
  private startCompaction(): Promise<void> | null {
    if (this.closing || this.compacting || !this.o.shouldCompact(this.logRows, this.logBytes))
      return null
    const compaction = this.compact().finally(() => (this.compacting = null))
    this.compacting = compaction
    return this.o.boardLog.appendsWhileCompacting ? null : compaction
  }

  /** A batch is in the store: relay it, then hand on what waited for it. */
  private stored(batch: readonly Written[]): void {
    this.storedSeq = batch[batch.length - 1]!.seq
    this.logRows += batch.length
    this.logBytes += batch.reduce((n, w) => n + w.update.byteLength, 0)
    this.o.metrics.updatesIn.inc(batch.length)
    this.o.onStored(batch)
    while (this.held.length > 0 && this.held[0]!.seq <= this.storedSeq) this.held.shift()!.deliver()
  }

  /** Appends a batch, retrying while the store fails; gives up only when the board is closing. */
  private async append(batch: readonly Written[]): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const stop = this.o.metrics.appendSeconds.startTimer()
      try {
        await this.o.boardLog.append(batch.map((w) => w.update))
        return true
      } catch (err) {
        // Not stored, so not relayed: no peer has seen it, and its sender still holds it.
        this.o.log.error({ err, board: this.o.boardId, attempt }, 'store append failed')
        if (this.closing && attempt >= 3) return false
        await delay(Math.min(2000, 25 * 2 ** attempt))
      } finally {
        stop()
      }
    }
  }

  /** [H4] folds the log into one snapshot of the live document. */
  private async compact(): Promise<void> {
    // What the snapshot covers; rows appended while it is written count towards the next one.
    const rows = this.logRows
    const bytes = this.logBytes
    try {
      await this.o.boardLog.compact(this.o.snapshot())
      this.logRows -= rows
      this.logBytes -= bytes
      this.unstored = false
    } catch (err) {
      this.o.log.error({ err, board: this.o.boardId }, 'compaction failed; the log is kept')
    }
  }
}
