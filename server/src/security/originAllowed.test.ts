import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { originAllowed } from './originAllowed.js'

const request = (origin: string | undefined, host = 'sparboard.example') =>
  ({ headers: { host, ...(origin === undefined ? {} : { origin }) } }) as IncomingMessage

describe('originAllowed', () => {
  const allowed = originAllowed(() => 'https://sparboard.example/', ['https://intranet.example'])

  it('lets in PUBLIC_URL, the allow-list, and clients that send no Origin', () => {
    expect(allowed(request('https://sparboard.example'))).toBe(true)
    expect(allowed(request('https://intranet.example', 'sparboard.internal:3000'))).toBe(true)
    expect(allowed(request(undefined))).toBe(true)
  })

  it('lets in the page of the very host the request went to, by any name or port', () => {
    expect(allowed(request('http://192.168.1.5:3000', '192.168.1.5:3000'))).toBe(true)
    expect(allowed(request('http://localhost:5173', 'localhost:5173'))).toBe(true)
    expect(allowed(request('https://sparboard.internal', 'sparboard.internal:443'))).toBe(true)
    expect(allowed(request('http://sparboard.example'))).toBe(true)
  })

  it('refuses other sites, opaque origins and garbage', () => {
    expect(allowed(request('https://evil.example'))).toBe(false)
    expect(allowed(request('https://sparboard.example.evil.example'))).toBe(false)
    expect(allowed(request('http://localhost:5173', 'localhost:3000'))).toBe(false)
    expect(allowed(request('null'))).toBe(false)
    expect(allowed(request('not a url'))).toBe(false)
  })
})
