import { describe, expect, it } from 'vitest'
import { votingOpen } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()

describe('control plane: tools follow the phase', () => {
  it('[C14] once the facilitator moves the agenda, votes open only in the voting phase, for everyone and after a restart', async () => {
    const running = await startServer()
    const w = await createWorkshop(running.url)
    const f = openControl(running.url, w.tokens.facilitator)
    const p = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    await Promise.all([connected(f), connected(p)])
    await expect.poll(() => p.state?.agendaStarted).toBe(false)
    expect(votingOpen(p.state)).toBe(true)

    expect(await f.send('phase:set', { phase: 'solutions' })).toEqual({ ok: true })
    await expect.poll(() => votingOpen(p.state)).toBe(false)
    expect(await f.send('phase:set', { phase: 'voting' })).toEqual({ ok: true })
    await expect.poll(() => votingOpen(p.state)).toBe(true)
    // back to the first phase: the agenda has started, so votes stay closed
    expect(await f.send('phase:set', { phase: 'strategy' })).toEqual({ ok: true })
    await expect.poll(() => votingOpen(p.state)).toBe(false)

    f.close()
    p.close()
    await running.stop(false)
    const again = track(await startServer({ dataDir: running.dataDir }), (r) => r.stop())
    const later = track(openControl(again.url, w.tokens.participant), (c) => c.close())
    await connected(later)
    await expect.poll(() => later.state?.agendaStarted).toBe(true)
    expect(votingOpen(later.state)).toBe(false)
  })
})
