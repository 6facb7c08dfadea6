import { describe, expect, it } from 'vitest'
import { TokenBucket } from './TokenBucket.js'

describe('TokenBucket', () => {
  it('[H13] allows a burst up to its capacity, then refuses until it refills', () => {
    let now = 0
    const bucket = new TokenBucket(3, 10, () => now)
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ])
    now += 100
    expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
  })

  it('[H13] never holds more than its capacity however long it idles', () => {
    let now = 0
    const bucket = new TokenBucket(2, 1000, () => now)
    now += 60_000
    expect(bucket.take(2)).toBe(true)
    expect(bucket.take(1)).toBe(false)
  })

  it('[H13] refuses a cost it cannot cover without taking anything', () => {
    const bucket = new TokenBucket(5, 1, () => 0)
    expect(bucket.take(6)).toBe(false)
    expect(bucket.take(5)).toBe(true)
  })
})

describe('TokenBucket.waitMs', () => {
  it('says how long until a cost is covered, without taking anything', () => {
    let now = 0
    const bucket = new TokenBucket(4, 2, () => now)
    expect(bucket.waitMs(4)).toBe(0)
    expect(bucket.take(4)).toBe(true)
    expect(bucket.waitMs(1)).toBe(500)
    now += 250
    expect(bucket.waitMs(1)).toBe(250)
    expect(bucket.waitMs(5)).toBe(Infinity)
    now += 250
    expect(bucket.take(1)).toBe(true)
  })
})
