import { CloseCode } from '@sparboard/protocol'
import type { BoardConnection } from './BoardConnection.js'
import { TokenBucket } from '../TokenBucket.js'

/** [H24] How much awareness one connection may have applied, and one board may relay. */
export interface AwarenessLimits {
  /** Own awareness updates per second one connection may have applied, sustained and burst. */
  readonly awarenessMessagesPerSecond: number
  readonly awarenessMessageBurst: number
  /** Bytes of own awareness per second one connection may have applied, sustained and burst. */
  readonly awarenessBytesPerSecond: number
  readonly awarenessByteBurst: number
  /** A connection sending more than this many times its budget is closed with 4429. */
  readonly awarenessFloodFactor: number
  /** Sends per second one board's awareness relay may cost, sustained and burst (AwarenessRelay). */
  readonly awarenessRelaySendsPerSecond: number
  readonly awarenessRelaySendBurst: number
}

interface Allowance {
  readonly messages: TokenBucket
  readonly bytes: TokenBucket
  readonly floodMessages: TokenBucket
  readonly floodBytes: TokenBucket
  /** The newest own update waiting for the budget; it replaces any older one. */
  held: Uint8Array | null
  timer: NodeJS.Timeout | null
}

/**
 * [H24] One room's budget of awareness per connection, observers included: an own update within
 * it is applied at once; past it, the newest is held and applied as soon as the budget allows
 * (older ones it replaces are dropped: an awareness state is whole, so peers still end on the
 * latest); a connection sending more than `awarenessFloodFactor` times its budget is closed with
 * 4429. Echoes of other people's entries never get here ([H9] drops them first), so the stock
 * client's re-sending costs its own budget nothing.
 */
export class AwarenessBudget {
  private readonly allowances = new WeakMap<BoardConnection, Allowance>()

  constructor(
    private readonly limits: AwarenessLimits,
    /** Applies an own update of a connection still in the room. */
    private readonly apply: (conn: BoardConnection, update: Uint8Array) => void,
  ) {}

  /** An own awareness update of `conn` ([H9] already filtered it). */
  offer(conn: BoardConnection, update: Uint8Array): void {
    const a = this.allowanceOf(conn)
    if (!a.floodMessages.take() || !a.floodBytes.take(update.byteLength)) {
      this.leave(conn)
      return conn.reject(CloseCode.rateLimited, 'awareness_flood')
    }
    a.held = update
    this.release(conn, a)
  }

  /** Whether a query of everyone's state is answered: it costs one message of the budget. */
  allowsQuery(conn: BoardConnection): boolean {
    return this.allowanceOf(conn).messages.take()
  }

  /** The connection left its room: what it held is dropped. */
  leave(conn: BoardConnection): void {
    const a = this.allowances.get(conn)
    if (!a) return
    if (a.timer) clearTimeout(a.timer)
    a.timer = null
    a.held = null
  }

  private release(conn: BoardConnection, a: Allowance): void {
    const update = a.held
    if (!update || a.timer) return
    const waitMs = Math.max(a.messages.waitMs(), a.bytes.waitMs(update.byteLength))
    if (waitMs === 0) {
      a.messages.take()
      a.bytes.take(update.byteLength)
      a.held = null
      return this.apply(conn, update)
    }
    // Larger than the whole byte burst: it could never be applied.
    if (waitMs === Infinity) return void (a.held = null)
    a.timer = setTimeout(() => {
      a.timer = null
      this.release(conn, a)
    }, Math.ceil(waitMs))
    a.timer.unref()
  }

  private allowanceOf(conn: BoardConnection): Allowance {
    let a = this.allowances.get(conn)
    if (!a) {
      const l = this.limits
      const flood = l.awarenessFloodFactor
      a = {
        messages: new TokenBucket(l.awarenessMessageBurst, l.awarenessMessagesPerSecond),
        bytes: new TokenBucket(l.awarenessByteBurst, l.awarenessBytesPerSecond),
        floodMessages: new TokenBucket(
          flood * l.awarenessMessageBurst,
          flood * l.awarenessMessagesPerSecond,
        ),
        floodBytes: new TokenBucket(
          flood * l.awarenessByteBurst,
          flood * l.awarenessBytesPerSecond,
        ),
        held: null,
        timer: null,
      }
      this.allowances.set(conn, a)
    }
    return a
  }
}
