// Shared: a default `() => performance.now()` would be a closure per bucket (two per connection).
const performanceNow = () => performance.now()

/** A token bucket: `capacity` tokens, refilled at `perSecond`; `take` fails once it runs dry. */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = performanceNow,
  ) {
    this.tokens = capacity
    this.last = now()
  }

  /** Takes `cost` tokens; false (and nothing taken) when there are not enough. */
  take(cost = 1): boolean {
    if (this.refill() < cost) return false
    this.tokens -= cost
    return true
  }

  /** Milliseconds until `cost` tokens are there (0: now); Infinity past the capacity. */
  waitMs(cost = 1): number {
    if (cost > this.capacity) return Infinity
    return Math.max(0, ((cost - this.refill()) / this.perSecond) * 1000)
  }

  private refill(): number {
    const now = this.now()
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    return this.tokens
  }
}
