/** Thrown when too many exports wait already; the route answers 503 with Retry-After. */
export class ExportQueueFull extends Error {
  constructor() {
    super('too many exports at once, try again shortly')
    this.name = 'ExportQueueFull'
  }
}

/**
 * Runs exports one at a time: rendering takes a core for a second or more, and the same two
 * cores serve the live boards. Past `maxWaiting`, new exports are refused instead of queued.
 */
export class ExportQueue {
  private tail: Promise<unknown> = Promise.resolve()
  private waiting = 0

  constructor(private readonly maxWaiting: number) {}

  run<T>(job: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.maxWaiting) return Promise.reject(new ExportQueueFull())
    this.waiting++
    const result = this.tail.then(job).finally(() => this.waiting--)
    this.tail = result.catch(() => undefined)
    return result
  }
}
