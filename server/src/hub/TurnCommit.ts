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
 * How long a board's updates may wait for the turn's shared commit. A turn that reads a burst (many
 * sockets ready after a pause) would otherwise hold its first updates for all of it; past this age
 * the updates held so far commit together at once, and the rest of the turn goes on as before.
 */
export const MAX_HELD_MS = 2

/**
 * [H3] Group commit per event-loop turn, across boards, without a timer. The first append of a
 * turn commits at once, in the task that received its update (a quiet server relays as before);
 * every board that receives more in the same turn waits for the end of the turn (`setImmediate`,
 * after the loop's I/O phase), where all of them commit in one transaction and are relayed after
 * it. A loaded server so pays one commit per turn instead of one per update; nothing is relayed
 * before it is stored. What has waited `MAX_HELD_MS` commits early, with the next update offered.
 */
export class TurnCommit {
  private committedThisTurn = false
  private readonly waiting = new Set<TurnWriter>()
  /** When the oldest waiting update was offered (`performance.now()`). */
  private heldSince = 0

  /** `transaction` runs its work in one transaction of the store, synchronously. */
  constructor(
    private readonly transaction: (work: () => void) => void,
    private readonly maxHeldMs = MAX_HELD_MS,
  ) {}

  /**
   * A board has a new update queued. The turn's first commits at once (`commitAlone`, in this
   * task); later ones wait for the turn's end, or for the held ones' age to pass `maxHeldMs`.
   */
  offer(writer: TurnWriter, commitAlone: () => void): void {
    if (!this.committedThisTurn) {
      this.committedThisTurn = true
      setImmediate(this.endTurn)
      commitAlone()
      return
    }
    const now = performance.now()
    if (this.waiting.size === 0) this.heldSince = now
    this.waiting.add(writer)
    if (now - this.heldSince >= this.maxHeldMs) this.commitWaiting()
  }

  private readonly endTurn = (): void => {
    this.committedThisTurn = false
    this.commitWaiting()
  }

  /** Appends every waiting board's updates in one transaction, then relays them. */
  private commitWaiting(): void {
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
