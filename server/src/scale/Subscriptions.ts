import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { ReportFailure } from '../metrics.js'

/** How long a probe may take to come back on a healthy subscriber connection. */
const PROBE_MS = 600

/**
 * The node's own Redis channels (revocations, deletions, session changes), watched end to end
 * ([S7]): a channel it could not subscribe to, or a subscriber that no longer hears (a probe it
 * publishes to itself does not come back), fails the check, so the node reports not ready while
 * it subscribes again. Without this a node kept serving boards while it missed revoked links.
 */
export class Subscriptions {
  private readonly wanted = new Set<string>()
  private readonly probeChannel: string
  private readonly heard = new Map<string, () => void>()
  private refused = false

  constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    prefix: string,
    private readonly report: ReportFailure,
  ) {
    this.probeChannel = `${prefix}probe:${randomBytes(8).toString('hex')}`
    this.wanted.add(this.probeChannel)
    subscriber.on('message', (channel: string, nonce: string) => {
      if (channel === this.probeChannel) this.heard.get(nonce)?.()
    })
  }

  /** Subscribes to node-wide channels; a refusal is reported, and the next check tries again. */
  async subscribe(...channels: string[]): Promise<void> {
    for (const channel of channels) this.wanted.add(channel)
    try {
      await this.subscriber.subscribe(...channels, this.probeChannel)
    } catch (err) {
      this.refused = true
      this.report('redis-subscribe', err, { channels })
    }
  }

  /** Resolves when every channel is subscribed and a probe came back; rejects otherwise. */
  async check(): Promise<void> {
    if (
      !this.refused &&
      (await this.probe().then(
        () => true,
        () => false,
      ))
    )
      return
    // Reconnected without them (ioredis re-subscribes, but may be refused), or never had them.
    await this.subscriber.subscribe(...this.wanted)
    this.refused = false
    await this.probe()
  }

  private probe(): Promise<void> {
    const nonce = randomBytes(6).toString('hex')
    return new Promise<void>((resolve, reject) => {
      const done = (err?: unknown) => {
        clearTimeout(timer)
        this.heard.delete(nonce)
        if (err) reject(err)
        else resolve()
      }
      const timer = setTimeout(() => done(new Error('own probe not heard back')), PROBE_MS)
      this.heard.set(nonce, () => done())
      this.redis.publish(this.probeChannel, nonce).catch(done)
    })
  }
}
