import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { clientAddress } from './clientAddress.js'

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  }) as unknown as IncomingMessage

describe('clientAddress', () => {
  it('ignores X-Forwarded-For without a trusted proxy, so a client cannot pick its address', () => {
    expect(clientAddress(request('203.0.113.9', '10.0.0.1'), 0)).toBe('203.0.113.9')
  })

  it('takes the address the trusted proxy saw, not what the client prepended', () => {
    const req = request('10.0.0.2', 'spoofed, 198.51.100.4')
    expect(clientAddress(req, 1)).toBe('198.51.100.4')
    expect(clientAddress(req, 2)).toBe('spoofed')
    expect(clientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2')
  })
})
