import type { Logger } from 'pino'
import { ipKeyGenerator } from 'express-rate-limit'

interface Window {
  failures: number
  resetAt: number
}

/**
 * Counts failed token lookups per address across the API, the Yjs upgrade and the socket.io
 * handshake, and throttles an address past the limit until its window ends. Successes do not
 * reset the count: a guesser holding one valid token must not be able to wipe its record.
 */
export class AuthThrottle {
  private readonly windows = new Map<string, Window>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the address may try again; 0 when it is not throttled. */
  retryAfter(address: string): number {
    const w = this.current(address)
    return w && w.failures >= this.limit ? Math.ceil((w.resetAt - this.now()) / 1000) : 0
  }

  /** Records a failed lookup (never the token itself). */
  fail(address: string, where: string): void {
    const now = this.now()
    const w = this.current(address) ?? { failures: 0, resetAt: now + this.windowMs }
    w.failures += 1
    this.windows.set(this.key(address), w)
    const throttled = w.failures >= this.limit
    this.log[throttled ? 'warn' : 'info'](
      { address, where, failures: w.failures, throttled },
      'token lookup failed',
    )
    if (this.windows.size > 10_000) this.prune(now)
  }

  private current(address: string): Window | null {
    const w = this.windows.get(this.key(address))
    if (!w) return null
    if (w.resetAt > this.now()) return w
    this.windows.delete(this.key(address))
    return null
  }

  // One IPv6 client owns a whole /56; counting single addresses would let it rotate freely.
  private key(address: string): string {
    return ipKeyGenerator(address.replace(/^::ffff:/, ''))
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key)
  }
}
