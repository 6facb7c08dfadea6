import { createHash } from 'node:crypto'
import type { Logger } from 'pino'
import { addressKey } from './clientAddress.js'

/** How failed token lookups are answered; see SecurityOptions for each one's meaning. */
export interface AuthThrottleLimits {
  readonly authFailureLimit: number
  readonly authRepeatLimit: number
  readonly authFailureWindowMs: number
  readonly authPenaltyMs: number
}

interface Window {
  resetAt: number
  /** How many different tokens failed. */
  distinct: number
  /** Failures per token fingerprint; the first MAX_TRACKED different tokens only. */
  readonly tries: Map<string, number>
}

/** Past this, a token is counted as new each time: an address trying this many is guessing. */
const MAX_TRACKED = 16
const MAX_ADDRESSES = 10_000

/** 96 bits of the token's SHA-256: the token itself is never kept. */
const fingerprint = (token: string) =>
  createHash('sha256').update(token).digest().subarray(0, 12).toString('base64')

/**
 * Counts failed token lookups per address across the API, the Yjs upgrade and the socket.io
 * handshake, and per token within it. It is asked only after a lookup failed: a token that opens
 * something is always let in, whatever its address did before, so one guesser or one stale link
 * never locks out a classroom behind the same NAT. The same unknown token tried again (a tab
 * reloaded on a replaced link) is answered 429 past `authRepeatLimit`; an address that tried
 * more than `authFailureLimit` different tokens is guessing, and each further failure waits
 * `authPenaltyMs` before its 429. Successes never reset the count.
 */
export class AuthThrottle {
  private readonly windows = new Map<string, Window>()

  constructor(
    private readonly limits: AuthThrottleLimits,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records that `token` opened nothing; resolves with the seconds the client should wait before
   * it tries again (then answer 429 with Retry-After), or 0 (answer as an unknown token).
   */
  async failed(address: string, token: string, where: string): Promise<number> {
    const now = this.now()
    const key = addressKey(address)
    const w = this.current(key, now) ?? {
      resetAt: now + this.limits.authFailureWindowMs,
      distinct: 0,
      tries: new Map<string, number>(),
    }
    const print = fingerprint(token)
    const tries = (w.tries.get(print) ?? 0) + 1
    if (tries === 1) w.distinct += 1
    if (tries > 1 || w.tries.size < MAX_TRACKED) w.tries.set(print, tries)
    this.windows.set(key, w)
    const guessing = w.distinct > this.limits.authFailureLimit
    const repeating = tries > this.limits.authRepeatLimit
    this.log[guessing ? 'warn' : 'info'](
      { address, where, distinct: w.distinct, tries, guessing },
      'token lookup failed',
    )
    if (this.windows.size > MAX_ADDRESSES) this.prune(now)
    if (!guessing && !repeating) return 0
    // The penalty slows one guesser down; a valid token from the same address never waits.
    if (guessing) await new Promise((resolve) => setTimeout(resolve, this.limits.authPenaltyMs))
    return Math.max(1, Math.ceil((w.resetAt - this.now()) / 1000))
  }

  private current(key: string, now: number): Window | null {
    const w = this.windows.get(key)
    if (!w) return null
    if (w.resetAt > now) return w
    this.windows.delete(key)
    return null
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key)
    // Still full: the oldest windows go first (a Map iterates in insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size <= MAX_ADDRESSES) break
      this.windows.delete(key)
    }
  }
}
