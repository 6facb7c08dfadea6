import type * as awarenessProtocol from 'y-protocols/awareness'
import type { AwarenessLimits } from './AwarenessBudget.js'
import type { BoardConnection } from './BoardConnection.js'
import { awarenessMessage } from './messages.js'

/**
 * What one send costs beside its bytes, in bytes: relaying to 2,000 receivers took ~27 µs of CPU
 * a send, and ~1 µs more per KiB (awarenessFanout.bench.ts).
 */
const SEND_OVERHEAD_BYTES = 16 * 1024
/** Connections sent to in one turn of the event loop; the rest follow in the next turns. */
const SLICE = 250

/**
 * [H24] A board's awareness relay within a budget of sends per second: a message to n receivers
 * costs n sends (more for a large one). Within the budget a change goes out at once, as one
 * message to every connection (its sender too: the stock client's watchdog needs to hear
 * something); past it, the clients that changed are gathered and their latest states go out
 * together as soon as the budget allows. A message to many is sent SLICE connections per turn of
 * the event loop. So the loop's time for awareness is bounded per board, however many receivers
 * listen and however fast people move, and no one turn is long.
 */
export class AwarenessRelay {
  private readonly pending = new Set<number>()
  private tokens: number
  private last = performance.now()
  private timer: NodeJS.Timeout | null = null
  /** A message is still going out slice by slice; the next waits for it. */
  private sending = false
  private closed = false

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly connections: ReadonlySet<BoardConnection>,
    private readonly limits: AwarenessLimits,
  ) {
    this.tokens = limits.awarenessRelaySendBurst
  }

  /** Clients whose state changed (added, updated or removed). */
  changed(clients: readonly number[]): void {
    for (const client of clients) this.pending.add(client)
    this.flush()
  }

  /** Stops sending; nothing more goes out (the room is unloading). */
  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.pending.clear()
  }

  private flush(): void {
    if (this.timer || this.sending || this.closed || this.pending.size === 0) return
    const message = awarenessMessage(this.awareness, [...this.pending])
    const cost = this.connections.size * (1 + message.byteLength / SEND_OVERHEAD_BYTES)
    const { awarenessRelaySendsPerSecond: rate, awarenessRelaySendBurst: burst } = this.limits
    const now = performance.now()
    this.tokens = Math.min(burst, this.tokens + ((now - this.last) / 1000) * rate)
    this.last = now
    // A message costing more than the whole burst waits for a full bucket, then goes into debt.
    const needed = Math.min(cost, burst)
    if (this.tokens < needed) {
      this.timer = setTimeout(
        () => {
          this.timer = null
          this.flush()
        },
        Math.ceil(((needed - this.tokens) / rate) * 1000),
      )
      this.timer.unref()
      return
    }
    this.tokens -= cost
    this.pending.clear()
    if (this.connections.size <= SLICE) {
      for (const conn of this.connections) conn.send(message)
      return
    }
    this.sending = true
    this.sendFrom(message, [...this.connections], 0)
  }

  private sendFrom(message: Uint8Array, to: readonly BoardConnection[], from: number): void {
    if (this.closed) return
    const end = Math.min(to.length, from + SLICE)
    for (let i = from; i < end; i++) to[i]!.send(message)
    if (end < to.length) return void setImmediate(() => this.sendFrom(message, to, end))
    this.sending = false
    this.flush()
  }
}
