import { TokenBucket } from '../TokenBucket.js'
import { addressKey } from './clientAddress.js'

const MAX_KEYS = 10_000

/** Token buckets by key, the oldest dropped past MAX_KEYS (a dropped key starts full again). */
class Buckets {
  private readonly buckets = new Map<string, TokenBucket>()

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}

  of(key: string): TokenBucket {
    let bucket = this.buckets.get(key)
    if (!bucket) {
      bucket = new TokenBucket(this.burst, this.perSecond)
      this.buckets.set(key, bucket)
      if (this.buckets.size > MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!)
    }
    return bucket
  }
}

/**
 * How fast a workshop's roster may grow: each new participant (not a rejoin) takes a place from
 * the workshop's bucket and from the joiner's address's, so a script on the shared participant
 * link fills the roster slowly and loudly while a classroom behind one NAT joins at once.
 */
export class JoinRate {
  private readonly workshops: Buckets
  private readonly addresses: Buckets

  constructor(limits: {
    readonly joinsPerSecond: number
    readonly joinBurst: number
    readonly joinsPerSecondPerAddress: number
    readonly joinBurstPerAddress: number
  }) {
    this.workshops = new Buckets(limits.joinBurst, limits.joinsPerSecond)
    this.addresses = new Buckets(limits.joinBurstPerAddress, limits.joinsPerSecondPerAddress)
  }

  /** Takes a join; 0 when it may go ahead, else the seconds until one would be allowed. */
  admit(workshopId: string, address: string): number {
    const workshop = this.workshops.of(workshopId)
    const from = this.addresses.of(addressKey(address))
    const waitMs = Math.max(workshop.waitMs(), from.waitMs())
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000))
    workshop.take()
    from.take()
    return 0
  }
}
