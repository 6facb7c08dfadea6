import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { SessionSync } from '../control/SessionCache.js'
import type { ReportFailure } from '../metrics.js'
import type { Subscriptions } from './Subscriptions.js'

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`
const LEASE_MS = 5000
const WAIT_MS = 10_000
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Keeps the control plane's sessions one across nodes: a change runs under a per-workshop lease
 * in Redis (re-reading the stored state first), and every node hears that a workshop changed.
 */
export class RedisSessionSync implements SessionSync {
  private readonly listeners: ((workshopId: string) => Promise<void>)[] = []
  private readonly channel: string

  constructor(
    private readonly redis: Redis,
    subscriber: Redis,
    subscriptions: Subscriptions,
    private readonly prefix: string,
    private readonly report: ReportFailure,
  ) {
    this.channel = `${prefix}session-changed`
    void subscriptions.subscribe(this.channel)
    subscriber.on('message', (channel: string, workshopId: string) => {
      if (channel !== this.channel) return
      // Not reloaded, this node keeps an older session (locks, votes) until the next change.
      for (const listener of this.listeners)
        listener(workshopId).catch((err: unknown) =>
          this.report('session-reload', err, { workshopId }),
        )
    })
  }

  async exclusive<T>(workshopId: string, run: () => Promise<T>): Promise<T> {
    const key = `${this.prefix}session-lock:${workshopId}`
    const holder = randomBytes(9).toString('base64url')
    const deadline = Date.now() + WAIT_MS
    while ((await this.redis.set(key, holder, 'PX', LEASE_MS, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new Error('session is locked by another node')
      await delay(5 + Math.random() * 10)
    }
    // A long change (a reveal moving many notes, [C19]) keeps the lease for as long as it runs.
    const extend = setInterval(
      () =>
        void this.redis
          .eval(EXTEND, 1, key, holder, LEASE_MS)
          .catch((err: unknown) => this.report('session-lease-extend', err, { workshopId })),
      LEASE_MS / 3,
    )
    try {
      return await run()
    } finally {
      clearInterval(extend)
      await this.redis
        .eval(RELEASE, 1, key, holder)
        .catch((err: unknown) => this.report('lease-release', err, { lease: key }))
    }
  }

  changed(workshopId: string): void {
    // Not heard, other nodes keep an older session until its next change.
    void this.redis
      .publish(this.channel, workshopId)
      .catch((err: unknown) => this.report('session-changed-publish', err, { workshopId }))
  }

  onChanged(listener: (workshopId: string) => Promise<void>): void {
    this.listeners.push(listener)
  }
}
