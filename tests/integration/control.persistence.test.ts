import { describe, expect, it } from 'vitest'
import { cleanupAfterEach } from '../support/cleanup.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()

describe('control plane: session state lasts', () => {
  it('[C9] restores phase, timer and group to a participant after a reconnect', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const f = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
    const anna = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    await Promise.all([connected(f), connected(anna)])
    const joined = await anna.send('session:join', { name: 'Anna', side: 0 })
    if (!joined.ok) throw new Error('join refused')
    const group = w.groups[1]!.id
    await f.send('participant:assign', { participantId: joined.participantId, groupId: group })
    await expect.poll(() => anna.state?.participants[0]?.groupId).toBe(group)

    // Anna's network drops; meanwhile the facilitator moves on.
    const statesBefore = anna.states
    anna.socket.io.engine.close()
    await expect.poll(() => anna.socket.connected).toBe(false)
    await f.send('phase:set', { phase: 'solutions' })
    await f.send('timer:start', { durationMs: 10 * 60_000 })
    await f.send('board:lock', { boardIds: [w.boards[0]!.id], locked: true })

    await expect.poll(() => anna.socket.connected, { timeout: 10_000 }).toBe(true)
    await expect.poll(() => anna.states).toBeGreaterThan(statesBefore)
    expect(anna.state).toMatchObject({
      phase: 'solutions',
      timer: { running: true, durationMs: 600_000 },
      lockedBoards: [w.boards[0]!.id],
    })
    // Rejoining under the same id keeps her group and does not add a second Anna.
    const rejoined = await anna.send('session:join', {
      name: 'Anna',
      side: 0,
      participantId: joined.participantId,
      personalToken: joined.personalToken,
    })
    expect(rejoined).toEqual({ ok: true, participantId: joined.participantId })
    expect(f.state?.participants).toEqual([
      { id: joined.participantId, name: 'Anna', side: 0, groupId: group },
    ])
  })

  it('[C10] keeps the session across a server restart', async () => {
    let running: RunningServer = await startServer()
    track(null, () => running.stop())
    const w = await createWorkshop(running.url)
    const f = openControl(running.url, w.tokens.facilitator)
    const anna = openControl(running.url, w.tokens.participant)
    await Promise.all([connected(f), connected(anna)])
    const joined = await anna.send('session:join', {
      name: 'Anna',
      side: 1,
      groupId: w.groups[0]!.id,
    })
    expect(joined.ok).toBe(true)
    await f.send('phase:set', { phase: 'voting' })
    await f.send('votes:setBudget', { budget: 7 })
    await f.send('timer:start', { durationMs: 15 * 60_000 })
    await f.send('board:spotlight', { boardId: w.boards[1]!.id })
    await expect.poll(() => f.state?.spotlight).toBe(w.boards[1]!.id)
    const before = f.state!
    f.close()
    anna.close()

    const port = Number(new URL(running.url).port)
    await running.stop(false)
    running = await startServer({ dataDir: running.dataDir, port })

    const observer = track(openControl(running.url, w.tokens.observer), (c) => c.close())
    await connected(observer)
    await expect.poll(() => observer.state).toEqual(before)
    // The timer kept running on the server's clock while the server was down.
    expect(observer.state!.timer.endsAt).toBe(before.timer.endsAt)
  })
})
