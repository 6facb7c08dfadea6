import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from '@sparboard/server'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { controlOutcome, controlSocket, rawBoardSocket } from '../support/securityClients.js'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { startServer } from '../support/startServer.js'

const track = cleanupAfterEach()

/** A logger whose lines a test can read, as an operator would in the log files. */
function capturedLogger() {
  const lines: string[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean))
      done()
    },
  })
  return { logger: createLogger('debug', sink), lines }
}

describe('logs', () => {
  it('record every request and every failed lookup, but no token or secret', async () => {
    const { logger, lines } = capturedLogger()
    const secret = 'operator-creation-secret-1234'
    const r = track(await startServer({ logger, security: { createSecret: secret } }), (s) =>
      s.stop(),
    )
    const created = await fetch(`${r.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ title: 'T', cases: [{ title: 'C' }], groups: 1 }),
    })
    expect(created.status).toBe(201)
    const w = (await created.json()) as CreatedWorkshop
    const guess = 'guessed-token-that-does-not-exist'
    await fetch(`${r.url}/api/workshops/${w.id}?token=${w.tokens.observer}`)
    await fetch(`${r.url}/api/workshops/${w.id}`, {
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    })
    await fetch(`${r.url}/api/workshops/${w.id}?token=${guess}`)
    await fetch(`${r.url}/api/workshops`, {
      method: 'POST',
      headers: { 'x-create-secret': `${secret}x` },
    })
    await rawBoardSocket(r.wsUrl, w.boards[0]!.id, `${guess}-ws`).outcome
    const { ws, outcome } = rawBoardSocket(r.wsUrl, w.boards[0]!.id, w.tokens.participant)
    await new Promise((resolve) => ws.once('open', resolve))
    ws.close()
    await outcome
    const io = track(controlSocket(r.url, `${guess}-io`), (s) => s.close())
    expect(await controlOutcome(io)).toBe('unknown token')
    logger.info({ token: w.tokens.participant, req: { headers: { authorization: secret } } }, 'x')

    await eventually(() => {
      const failures = lines.filter((l) => l.includes('token lookup failed'))
      expect(failures.map((l) => (JSON.parse(l) as { where: string }).where).sort()).toEqual([
        'GET /api/workshops',
        'create',
        'socket.io',
        'yjs',
      ])
      expect(failures.every((l) => (JSON.parse(l) as { address?: string }).address)).toBe(true)
    })
    const text = lines.join('\n')
    expect(text).toContain(`/api/workshops/${w.id}?token=[redacted]`)
    for (const leaked of [...Object.values(w.tokens), guess, secret])
      expect(text, 'a token or secret reached the log').not.toContain(leaked)
  })
})
