import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { AuthThrottle } from './AuthThrottle.js'

const quiet = pino({ level: 'silent' })

describe('AuthThrottle', () => {
  it('throttles an address after the limit until its window ends', () => {
    let now = 0
    const throttle = new AuthThrottle(3, 60_000, quiet, () => now)
    for (let i = 0; i < 2; i++) throttle.fail('203.0.113.5', 'api')
    expect(throttle.retryAfter('203.0.113.5')).toBe(0)
    throttle.fail('203.0.113.5', 'yjs')
    expect(throttle.retryAfter('203.0.113.5')).toBe(60)
    expect(throttle.retryAfter('203.0.113.6')).toBe(0)
    now = 59_000
    expect(throttle.retryAfter('203.0.113.5')).toBe(1)
    now = 60_000
    expect(throttle.retryAfter('203.0.113.5')).toBe(0)
  })

  it('counts one IPv6 /56 as one address, and IPv4-mapped IPv6 as IPv4', () => {
    const throttle = new AuthThrottle(2, 60_000, quiet)
    throttle.fail('2001:db8:0:1::1', 'api')
    throttle.fail('2001:db8:0:2::99', 'api')
    expect(throttle.retryAfter('2001:db8:0:3::7')).toBeGreaterThan(0)
    throttle.fail('::ffff:198.51.100.1', 'api')
    throttle.fail('198.51.100.1', 'api')
    expect(throttle.retryAfter('198.51.100.1')).toBeGreaterThan(0)
  })
})
