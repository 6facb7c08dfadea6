import { describe, expect, it } from 'vitest'
import { clockOffset, timerRemaining } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { connected, openControl, type ControlClient } from './control.support.js'

const track = cleanupAfterEach()

/** The server's clock minus this client's, as the client app estimates it (best of 3). */
async function measureOffset(client: ControlClient): Promise<number> {
  let best = { rtt: Infinity, offset: 0 }
  for (let i = 0; i < 3; i++) {
    const sentAt = Date.now()
    const ack = await client.send('clock:sync', {})
    const receivedAt = Date.now()
    if (!ack.ok) throw new Error('clock:sync refused')
    if (receivedAt - sentAt < best.rtt)
      best = { rtt: receivedAt - sentAt, offset: clockOffset(sentAt, ack.serverTime, receivedAt) }
  }
  return best.offset
}

/** What the client's screen would show now. */
const shownRemaining = (client: ControlClient, offset: number) =>
  timerRemaining(client.state!.timer, Date.now() + offset)

describe('control plane: timer', () => {
  it('[C8] shows every client the same remaining time within 100 ms, late joiners too', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const open = async (token: string) => {
      const c = track(openControl(running.url, token), (x) => x.close())
      await connected(c)
      return c
    }
    const facilitator = await open(w.tokens.facilitator)
    const anna = await open(w.tokens.participant)
    const fOffset = await measureOffset(facilitator)
    const aOffset = await measureOffset(anna)

    expect(await facilitator.send('timer:start', { durationMs: 5 * 60_000 })).toEqual({ ok: true })
    await expect.poll(() => anna.state?.timer.running).toBe(true)
    // Let time visibly pass before a late joiner arrives: its view must not restart the count.
    await expect.poll(() => shownRemaining(anna, aOffset)).toBeLessThan(5 * 60_000 - 300)
    const observer = await open(w.tokens.observer)
    const oOffset = await measureOffset(observer)
    await expect.poll(() => observer.state?.timer.running).toBe(true)

    const shown = [
      shownRemaining(facilitator, fOffset),
      shownRemaining(anna, aOffset),
      shownRemaining(observer, oOffset),
    ]
    expect(Math.max(...shown) - Math.min(...shown)).toBeLessThan(100)

    // Pause: every screen freezes on the same value.
    expect(await facilitator.send('timer:pause', {})).toEqual({ ok: true })
    await expect.poll(() => observer.state?.timer.running).toBe(false)
    await expect.poll(() => anna.state?.timer.running).toBe(false)
    const paused = anna.state!.timer.remainingMs
    expect(observer.state!.timer.remainingMs).toBe(paused)
    expect(Math.abs(paused - Math.min(...shown))).toBeLessThan(1000)

    // Add a minute and resume: still in step.
    expect(await facilitator.send('timer:addTime', { ms: 60_000 })).toEqual({ ok: true })
    expect(await facilitator.send('timer:start', {})).toEqual({ ok: true })
    await expect.poll(() => observer.state?.timer.running).toBe(true)
    await expect.poll(() => anna.state?.timer.running).toBe(true)
    const resumed = [shownRemaining(anna, aOffset), shownRemaining(observer, oOffset)]
    expect(Math.abs(resumed[0]! - resumed[1]!)).toBeLessThan(100)
    expect(resumed[0]!).toBeGreaterThan(paused + 59_000)
    expect(resumed[0]!).toBeLessThanOrEqual(paused + 60_000)
  })

  it('[C8] counts down to zero and stays there', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const f = track(openControl(running.url, w.tokens.facilitator), (x) => x.close())
    await connected(f)
    expect(await f.send('timer:start', { durationMs: 1000 })).toEqual({ ok: true })
    await expect.poll(() => f.state?.timer.running).toBe(true)
    await expect.poll(() => shownRemaining(f, 0), { timeout: 3000 }).toBe(0)
    // Resuming an expired timer needs a new duration.
    expect(await f.send('timer:pause', {})).toEqual({ ok: true })
    expect(await f.send('timer:start', {})).toEqual({
      ok: false,
      error: 'invalid',
      field: 'durationMs',
    })
  })
})
