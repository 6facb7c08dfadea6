/** A board's queue as the turn commit sees it (`WriteAheadQueue`). */
export interface TurnWriter {
  /** Appends what the board received this turn, inside the shared transaction; null if nothing. */
  appendInTurn(): TurnAppend | null
}

/** What one board appended in the shared transaction. */
export interface TurnAppend {
  /** The transaction committed: relay what was appended and hand on what waited for it. */
  committed(): void
  /** The transaction failed: the updates go back to the board's queue and its retries. */
  failed(err: unknown): void
}

/**
 * [H3] Group commit per event-loop turn, across boards, without a timer. The first append of a
 * turn commits at once, in the task that received its update (a quiet server relays as before);
 * every board that receives more in the same turn waits for the end of the turn (`setImmediate`,
 * after the loop's I/O phase), where all of them commit in one transaction and are relayed after
 * it. A loaded server so pays one commit per turn instead of one per update; nothing is relayed
 * before it is stored.
 */
export class TurnCommit {
  private committedThisTurn = false
  private readonly waiting = new Set<TurnWriter>()

  /** `transaction` runs its work in one transaction of the store, synchronously. */
  constructor(private readonly transaction: (work: () => void) => void) {}

  /**
   * Whether the board may commit now, on its own: true for the first of a turn. Otherwise the
   * board is held for the turn's end (once, however often it asks) and must append nothing now.
   */
  mayCommitNow(writer: TurnWriter): boolean {
    if (!this.committedThisTurn) {
      this.committedThisTurn = true
      setImmediate(this.endTurn)
      return true
    }
    this.waiting.add(writer)
    return false
  }

  private readonly endTurn = (): void => {
    this.committedThisTurn = false
    if (this.waiting.size === 0) return
    const writers = [...this.waiting]
    this.waiting.clear()
    const appended: TurnAppend[] = []
    try {
      this.transaction(() => {
        for (const writer of writers) {
          const append = writer.appendInTurn()
          if (append) appended.push(append)
        }
      })
    } catch (err) {
      for (const append of appended) append.failed(err)
      return
    }
    for (const append of appended) append.committed()
  }
}
