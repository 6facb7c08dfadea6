import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cleanupAfterEach } from '../support/cleanup.js'
import { clientDir } from '../support/clientDir.js'
import { createWorkshop, startServer } from '../support/startServer.js'

const track = cleanupAfterEach()

/** A route as a visitor or a script would call it; `token` marks routes that need a link. */
type Route = readonly [method: string, path: string]

async function everyRoute(url: string): Promise<Route[]> {
  const w = await createWorkshop(url)
  const board = w.boards[0]!.id
  const script = readdirSync(`${clientDir()}/assets`).find((f) => f.endsWith('.js'))!
  return [
    ['GET', '/'],
    ['GET', `/w/${w.id}`],
    ['GET', `/w/${w.id}/b/${board}`],
    ['GET', '/favicon.svg'],
    ['GET', `/assets/${script}`],
    ['GET', '/no/such/page'],
    ['GET', '/healthz'],
    ['GET', '/metrics'],
    ['POST', '/api/workshops'],
    ['GET', `/api/workshops/${w.id}`],
    ['DELETE', `/api/workshops/${w.id}`],
    ['GET', `/api/boards/${board}/export.png`],
    ['GET', `/api/boards/${board}/export.svg`],
    ['GET', `/api/workshops/${w.id}/report.pdf`],
    ['GET', `/api/workshops/${w.id}/export.zip`],
    ['GET', `/api/workshops/${w.id}/notes.csv`],
    ['GET', '/api/nothing-here'],
  ]
}

const call = (url: string, [method, path]: Route, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, {
    method,
    headers: { origin: 'https://evil.example', ...headers },
    body: method === 'POST' ? '{}' : undefined,
  })

describe('security headers', () => {
  it('the built client has no inline script, so script-src can stay self', () => {
    const html = readFileSync(`${clientDir()}/index.html`, 'utf8')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/)
      expect(body!.trim()).toBe('')
    }
    expect(html).not.toMatch(/\son\w+=/i)
  })

  it('sends a strict CSP, no referrer and nosniff on every route, and no CORS grant', async () => {
    const r = track(await startServer({ clientDir: clientDir() }), (s) => s.stop())
    for (const route of await everyRoute(r.url)) {
      const res = await call(r.url, route)
      const h = res.headers
      const name = route.join(' ')
      const csp = h.get('content-security-policy') ?? ''
      expect(csp, name).toContain("default-src 'self'")
      expect(csp, name).toMatch(/script-src 'self'(;|$)/)
      expect(csp, name).toContain("object-src 'none'")
      expect(csp, name).toContain("frame-ancestors 'none'")
      expect(csp, name).not.toContain('unsafe-eval')
      expect(h.get('referrer-policy'), name).toBe('no-referrer')
      expect(h.get('x-content-type-options'), name).toBe('nosniff')
      expect(h.get('x-frame-options'), name).toBe('DENY')
      expect(h.get('strict-transport-security'), name).toBeNull()
      expect(h.get('access-control-allow-origin'), name).toBeNull()
      expect(h.get('x-powered-by'), name).toBeNull()
      if (route[1].startsWith('/api/')) expect(h.get('cache-control'), name).toBe('no-store')
    }
  })

  it('answers a cross-origin preflight without granting anything', async () => {
    const r = track(await startServer(), (s) => s.stop())
    const res = await fetch(`${r.url}/api/workshops`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('access-control-allow-methods')).toBeNull()
  })

  it('lets FRAME_ANCESTORS embed the app on an intranet page', async () => {
    const r = track(
      await startServer({ security: { frameAncestors: ['https://intranet.example'] } }),
      (s) => s.stop(),
    )
    const res = await fetch(`${r.url}/healthz`)
    expect(res.headers.get('content-security-policy')).toContain(
      'frame-ancestors https://intranet.example',
    )
    expect(res.headers.get('x-frame-options')).toBeNull()
  })

  it('sends HSTS only behind a trusted TLS proxy, never on plain HTTP', async () => {
    const direct = track(await startServer(), (s) => s.stop())
    const spoofed = await fetch(`${direct.url}/healthz`, {
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(spoofed.headers.get('strict-transport-security')).toBeNull()

    const proxied = track(await startServer({ security: { trustProxyHops: 1 } }), (s) => s.stop())
    const viaTls = await fetch(`${proxied.url}/healthz`, {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.1' },
    })
    expect(viaTls.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/)
    expect(viaTls.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
    const plain = await fetch(`${proxied.url}/healthz`)
    expect(plain.headers.get('strict-transport-security')).toBeNull()
  })
})
