import { describe, expect, it } from 'vitest'
import { ConnectionCaps } from './ConnectionCaps.js'

const observer = { workshopId: 'w1', role: 'observer' } as const
const anna = { workshopId: 'w1', role: 'participant', participantId: 'anna' } as const
const link = { workshopId: 'w1', role: 'participant' } as const

describe('ConnectionCaps', () => {
  it('refuses past the address cap, counting an IPv6 /56 as one address', () => {
    const caps = new ConnectionCaps(2, 100)
    expect(caps.open('2001:db8:0:1::1', observer)).not.toBeNull()
    expect(caps.open('2001:db8:0:2::1', observer)).not.toBeNull()
    expect(caps.open('2001:db8:0:3::1', observer)).toBeNull()
    expect(caps.open('2001:db8:1::1', observer)).not.toBeNull()
  })

  it('counts a personal token apart from its link, and gives places back once', () => {
    const caps = new ConnectionCaps(100, 1)
    const first = caps.open('203.0.113.1', link)!
    expect(caps.open('203.0.113.2', link)).toBeNull()
    expect(caps.openToken(anna)).not.toBeNull()
    first()
    first()
    const second = caps.open('203.0.113.2', link)
    expect(second).not.toBeNull()
    expect(caps.open('203.0.113.3', link)).toBeNull()
  })

  it('counts nothing for a refusal', () => {
    const caps = new ConnectionCaps(1, 1)
    const held = caps.openToken(observer)!
    expect(caps.open('203.0.113.9', observer)).toBeNull()
    held()
    // The refused open took no place of the address.
    expect(caps.open('203.0.113.9', observer)).not.toBeNull()
  })
})
