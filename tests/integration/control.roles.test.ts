import { describe, expect, it } from 'vitest'
import {
  commandRoles,
  type CommandPayload,
  type ControlCommand,
  type CreatedWorkshop,
  type Role,
} from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { connected, openControl, type ControlClient } from './control.support.js'

const track = cleanupAfterEach()

/** A payload each command accepts, for this workshop. */
const validPayloads = (w: CreatedWorkshop): { [C in ControlCommand]: CommandPayload<C> } => ({
  'clock:sync': {},
  'session:join': { name: 'Anna', side: 0 },
  'phase:set': { phase: 'interests' },
  'phase:reveal': {},
  'timer:start': { durationMs: 60_000 },
  'timer:pause': {},
  'timer:addTime': { ms: 30_000 },
  'votes:setBudget': { budget: 5 },
  'votes:setBlind': { blind: false },
  'votes:close': {},
  'votes:cast': { boardId: w.boards[0]!.id, noteId: 'n1', delta: 1, side: 0 },
  'votes:mine': { boardId: w.boards[0]!.id },
  'message:broadcast': { text: 'Nog vijf minuten' },
  'board:lock': { boardIds: [w.boards[0]!.id], locked: true },
  'board:spotlight': { boardId: w.boards[1]!.id },
  'board:gather': { boardId: w.boards[0]!.id },
  'participant:assign': { participantId: 'nobody', groupId: null },
  'review:set': { agreementId: 'none', status: 'held', chafed: '' },
  'review:propose': { agreementId: 'none', status: 'held', chafed: '' },
  'session:keepGroups': { keep: false },
  'participant:remove': { participantId: 'nobody' },
  'session:setGrouping': { grouping: 'lobby' },
  'private:count': { participantId: 'nobody', boardId: w.boards[0]!.id, count: 1 },
  'fallback:write': { boardId: w.boards[0]!.id, text: 'We ship from stock' },
  'fallback:mine': { boardId: w.boards[0]!.id },
  'fallback:reveal': { boardId: w.boards[0]!.id },
})

async function session() {
  // The matrix sends far faster than a person; the rate limit has its own tests (security.*).
  const running = track(await startServer({ security: { controlEventBurst: 1000 } }), (r) =>
    r.stop(),
  )
  const w = await createWorkshop(running.url)
  const clients = {} as Record<Role, ControlClient>
  for (const role of ['facilitator', 'participant', 'observer'] as const) {
    clients[role] = track(openControl(running.url, w.tokens[role]), (c) => c.close())
    await connected(clients[role])
  }
  return { running, w, clients }
}

const commands = Object.keys(commandRoles) as ControlCommand[]

describe('control plane: who may do what', () => {
  it('[C4] refuses every facilitator command from a participant or observer and changes nothing', async () => {
    const { w, clients } = await session()
    const payloads = validPayloads(w)
    await expect.poll(() => clients.participant.state?.phase).toBe('strategy')
    const before = clients.participant.state
    for (const role of ['participant', 'observer'] as const) {
      for (const command of commands.filter((c) => !commandRoles[c].includes(role))) {
        const acks = [
          await clients[role].send(command, payloads[command]),
          // Whatever it sends: garbage and nothing at all are refused the same way.
          await clients[role].send(command, { phase: 42, evil: true }),
          await clients[role].send(command, undefined),
        ]
        for (const ack of acks)
          expect(ack, `${role} ${command}`).toEqual({ ok: false, error: 'forbidden' })
      }
    }
    const { ok } = await clients.facilitator.send('clock:sync', {})
    expect(ok).toBe(true)
    expect(clients.participant.state).toEqual(before)
    expect(clients.observer.state).toEqual(before)
  })

  it('[C3][C7] lets the facilitator run every facilitator command and tells everyone', async () => {
    const { w, clients } = await session()
    const payloads = validPayloads(w)
    const results: Record<string, unknown> = {}
    for (const command of commands.filter((c) => commandRoles[c].includes('facilitator'))) {
      // These need a participant or a follow-up first; their own tests cover them.
      // votes:close needs the voting phase ([C33]).
      if (
        ['participant:assign', 'participant:remove', 'review:set', 'votes:close'].includes(command)
      )
        continue
      // A follow-up's: control.people covers it.
      if (command === 'session:keepGroups') continue
      // [FB1] needs the option and a side's card first: control.fallbacks covers it.
      if (command === 'fallback:reveal') continue
      results[command] = await clients.facilitator.send(command, payloads[command])
    }
    for (const [command, ack] of Object.entries(results))
      expect(ack, command).toMatchObject({ ok: true })
    await expect
      .poll(() => clients.observer.state)
      .toMatchObject({
        phase: 'interests',
        revealed: true,
        voteBudget: 5,
        grouping: 'lobby',
        lockedBoards: [w.boards[0]!.id],
        // [C31] everyone-to-me came after the spotlight, and ended it
        spotlight: null,
        gathering: { boardId: w.boards[0]!.id },
        voteRound: { blind: false, closed: false },
        broadcast: { text: 'Nog vijf minuten' },
        // started at 60 s, paused, then 30 s added
        timer: { running: false, durationMs: expect.any(Number) },
      })
    const left = clients.observer.state!.timer.remainingMs
    expect(left).toBeGreaterThan(85_000)
    expect(left).toBeLessThanOrEqual(90_000)
  })

  it('[C4] lets only a participant join, and the facilitator assign them to a group', async () => {
    const { w, clients } = await session()
    expect(await clients.facilitator.send('session:join', { name: 'F', side: 0 })).toEqual({
      ok: false,
      error: 'forbidden',
    })
    expect(await clients.observer.send('session:join', { name: 'O', side: 1 })).toEqual({
      ok: false,
      error: 'forbidden',
    })
    const joined = await clients.participant.send('session:join', { name: 'Anna', side: 'other' })
    expect(joined).toMatchObject({ ok: true, participantId: expect.any(String) })
    const participantId = (joined as { participantId: string }).participantId
    const group = w.groups[1]!.id
    expect(
      await clients.participant.send('participant:assign', { participantId, groupId: group }),
    ).toEqual({ ok: false, error: 'forbidden' })
    expect(
      await clients.facilitator.send('participant:assign', { participantId, groupId: group }),
    ).toEqual({ ok: true })
    await expect
      .poll(() => clients.observer.state?.participants)
      .toEqual([{ id: participantId, name: 'Anna', side: 'other', groupId: group }])
  })

  it('[C5][C6] names the field of a bad payload, and refuses boards of another workshop', async () => {
    const { running, clients } = await session()
    const other = await createWorkshop(running.url)
    const f = clients.facilitator
    expect(await f.send('phase:set', { phase: 'lunch' })).toEqual({
      ok: false,
      error: 'invalid',
      field: 'phase',
    })
    expect(await f.send('timer:start', { durationMs: -5 })).toMatchObject({
      ok: false,
      field: 'durationMs',
    })
    expect(await f.send('message:broadcast', { text: '   ' })).toMatchObject({ field: 'text' })
    expect(await f.send('board:spotlight', { boardId: other.boards[0]!.id })).toEqual({
      ok: false,
      error: 'not-found',
      field: 'boardId',
    })
    expect(await f.send('phase:reveal', {})).toEqual({
      ok: false,
      error: 'conflict',
      field: 'phase',
    })
    expect(f.state?.spotlight).toBeNull()
  })

  it('[C1] refuses a connection with an unknown token', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const client = track(openControl(running.url, 'not-a-token'), (c) => c.close())
    await expect(connected(client)).rejects.toThrow()
  })
})
