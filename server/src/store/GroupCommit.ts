interface Pending<T> {
  readonly item: T
  readonly resolve: () => void
  readonly reject: (err: unknown) => void
}

/**
 * Group commit: what every board appends within one turn of the event loop is committed in one
 * transaction, right after the turn's I/O (setImmediate). Under load a commit then carries many
 * updates instead of one each, and a backlog after a stall drains in one write. If the shared
 * commit fails, each item is committed alone, so one board's bad append fails only its own.
 */
export class GroupCommit<T> {
  private pending: Pending<T>[] = []
  private scheduled: NodeJS.Immediate | null = null

  /** `commit` must be all-or-nothing (one transaction) and synchronous. */
  constructor(private readonly commit: (items: readonly T[]) => void) {}

  /** Resolves once `item` is committed. */
  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject })
      this.scheduled ??= setImmediate(() => this.flush())
    })
  }

  /** Commits what is pending now (also called before the database closes). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled)
    this.scheduled = null
    const batch = this.pending.splice(0)
    if (batch.length === 0) return
    try {
      this.commit(batch.map((p) => p.item))
      for (const p of batch) p.resolve()
    } catch {
      for (const p of batch) {
        try {
          this.commit([p.item])
          p.resolve()
        } catch (err) {
          p.reject(err)
        }
      }
    }
  }
}
