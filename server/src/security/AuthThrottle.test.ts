import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { AuthThrottle } from './AuthThrottle.js'

const quiet = pino({ level: 'silent' })
const limits = {
  authFailureLimit: 3,
  authRepeatLimit: 2,
  authFailureWindowMs: 60_000,
  authPenaltyMs: 0,
}

describe('AuthThrottle', () => {
  it('answers a token tried again past the repeat limit with 429, and no other token', async () => {
    let now = 0
    const throttle = new AuthThrottle(limits, quiet, () => now)
    expect(await throttle.failed('203.0.113.5', 'stale', 'api')).toBe(0)
    expect(await throttle.failed('203.0.113.5', 'stale', 'socket.io')).toBe(0)
    expect(await throttle.failed('203.0.113.5', 'stale', 'api')).toBe(60)
    // Another unknown token from the same address is not held back by the stale one.
    expect(await throttle.failed('203.0.113.5', 'other', 'api')).toBe(0)
    now = 59_000
    expect(await throttle.failed('203.0.113.5', 'stale', 'api')).toBe(1)
    now = 60_000
    expect(await throttle.failed('203.0.113.5', 'stale', 'api')).toBe(0)
  })

  it('counts a stale link reloaded many times as one token toward guessing', async () => {
    const throttle = new AuthThrottle(limits, quiet)
    for (let i = 0; i < 20; i++) await throttle.failed('203.0.113.5', 'stale', 'api')
    expect(await throttle.failed('203.0.113.5', 'a', 'api')).toBe(0)
    expect(await throttle.failed('203.0.113.5', 'b', 'api')).toBe(0)
    // The fourth different token: the address is guessing.
    expect(await throttle.failed('203.0.113.5', 'c', 'api')).toBeGreaterThan(0)
    expect(await throttle.failed('198.51.100.1', 'c', 'api')).toBe(0)
  })

  it('makes a guessing address wait the penalty before each answer', async () => {
    const throttle = new AuthThrottle({ ...limits, authPenaltyMs: 200 }, quiet)
    for (const token of ['a', 'b', 'c']) await throttle.failed('203.0.113.9', token, 'yjs')
    const started = performance.now()
    expect(await throttle.failed('203.0.113.9', 'd', 'yjs')).toBeGreaterThan(0)
    expect(performance.now() - started).toBeGreaterThanOrEqual(190)
  })

  it('counts one IPv6 /56 as one address, and IPv4-mapped IPv6 as IPv4', async () => {
    const throttle = new AuthThrottle(limits, quiet)
    await throttle.failed('2001:db8:0:1::1', 'a', 'api')
    await throttle.failed('2001:db8:0:2::99', 'b', 'api')
    await throttle.failed('2001:db8:0:3::7', 'c', 'api')
    expect(await throttle.failed('2001:db8:0:4::7', 'd', 'api')).toBeGreaterThan(0)
    await throttle.failed('::ffff:198.51.100.1', 'a', 'api')
    await throttle.failed('198.51.100.1', 'a', 'api')
    expect(await throttle.failed('198.51.100.1', 'a', 'api')).toBeGreaterThan(0)
  })
})
