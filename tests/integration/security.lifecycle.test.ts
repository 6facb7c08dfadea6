import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { addNote, asNoteId, userOrigin } from '@sparboard/board-model'
import type { WorkshopRecord } from '@sparboard/server'
import { CloseCode } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { controlOutcome, controlSocket, rawBoardSocket } from '../support/securityClients.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()
const DAY = 24 * 60 * 60 * 1000

const api = (url: string, id: string, token: string, method = 'GET') =>
  fetch(`${url}/api/workshops/${id}`, { method, headers: { authorization: `Bearer ${token}` } })

/** A workshop written straight into the store, created `daysAgo` days ago. */
function oldWorkshop(daysAgo: number): WorkshopRecord {
  const id = () => randomBytes(12).toString('base64url')
  const [caseId, groupId, w] = [id(), id(), id()]
  return {
    id: w,
    title: 'Old session',
    goals: [],
    sides: ['Sales', 'Operations'],
    cases: [{ id: caseId, title: 'Case', description: '' }],
    groups: [{ id: groupId, name: '1' }],
    boards: [{ id: id(), caseId, groupId }],
    tokens: { facilitator: id(), participant: id(), observer: id() },
    createdAt: Date.now() - daysAgo * DAY,
  }
}

describe('deleting a workshop', () => {
  it('is refused to participants and observers, and to no token', async () => {
    const r = track(await startServer(), (s) => s.stop())
    const w = await createWorkshop(r.url)
    expect((await api(r.url, w.id, w.tokens.participant, 'DELETE')).status).toBe(403)
    expect((await api(r.url, w.id, w.tokens.observer, 'DELETE')).status).toBe(403)
    expect((await fetch(`${r.url}/api/workshops/${w.id}`, { method: 'DELETE' })).status).toBe(401)
    expect((await api(r.url, w.id, w.tokens.participant)).status).toBe(200)
  })

  it('stops every link at once, closes open boards with 4401 and erases the data', async () => {
    const r = track(await startServer(), (s) => s.stop())
    const w = await createWorkshop(r.url)
    const other = await createWorkshop(r.url)
    const board = w.boards[0]!.id
    const open = openBoard(r.wsUrl, board, w.tokens.participant)
    track(open.provider, (p) => p.destroy())
    await synced(open.provider)
    addNote(
      open.doc,
      asNoteId('n1'),
      { category: 'friction', x: 10, y: 10, text: 'Vertrouwelijk', author: 'Anna' },
      userOrigin('anna'),
    )
    await eventually(async () =>
      expect((await r.server.store.loadBoard(board)).updates.length).toBeGreaterThan(0),
    )
    const control = track(controlSocket(r.url, w.tokens.observer), (s) => s.close())
    expect(await controlOutcome(control)).toBe('connected')
    const controlGone = new Promise((resolve) => control.once('disconnect', resolve))
    const boardClosed = closedWith(open.provider)

    expect((await api(r.url, w.id, w.tokens.facilitator, 'DELETE')).status).toBe(204)

    expect(await boardClosed).toBe(CloseCode.unknownToken)
    await eventually(() => expect(open.provider.shouldConnect).toBe(false))
    expect(await controlGone).toBe('io server disconnect')
    for (const token of Object.values(w.tokens))
      expect((await api(r.url, w.id, token)).status).toBe(401)
    expect(await rawBoardSocket(r.wsUrl, board, w.tokens.facilitator).outcome).toEqual({
      closed: CloseCode.unknownToken,
    })
    const store = r.server.store
    expect(await store.getWorkshop(w.id)).toBeNull()
    expect(await store.findBoardWorkshop(board)).toBeNull()
    expect((await store.loadBoard(board)).updates).toEqual([])
    // The other workshop is untouched.
    expect((await api(r.url, other.id, other.tokens.participant)).status).toBe(200)
  })
})

describe('RETENTION_DAYS', () => {
  it('deletes workshops untouched that long, and keeps ones used by API or board', async () => {
    const r = track(await startServer({ security: { retentionDays: 30 } }), (s) => s.stop())
    const [idle, read, edited] = [oldWorkshop(40), oldWorkshop(40), oldWorkshop(40)]
    for (const w of [idle, read, edited]) await r.server.store.createWorkshop(w)
    expect((await api(r.url, read.id, read.tokens.observer)).status).toBe(200)
    const { doc, provider } = openBoard(r.wsUrl, edited.boards[0]!.id, edited.tokens.participant)
    track(provider, (p) => p.destroy())
    await synced(provider)
    addNote(
      doc,
      asNoteId('n'),
      { category: 'interest', side: 0, x: 1, y: 1, text: 't', author: 'a' },
      userOrigin('a'),
    )
    await eventually(async () =>
      expect(await r.server.store.staleWorkshops(Date.now() - 30 * DAY)).toEqual([idle.id]),
    )

    expect(await r.server.sweepRetention()).toBe(1)
    expect((await api(r.url, idle.id, idle.tokens.facilitator)).status).toBe(401)
    expect((await api(r.url, read.id, read.tokens.facilitator)).status).toBe(200)
    expect((await api(r.url, edited.id, edited.tokens.facilitator)).status).toBe(200)
  })

  it('sweeps on start, so a server that was down still forgets old workshops', async () => {
    const first = await startServer()
    const stale = oldWorkshop(10)
    await first.server.store.createWorkshop(stale)
    await first.stop(false)
    const r = track(
      await startServer({ dataDir: first.dataDir, security: { retentionDays: 7 } }),
      (s) => s.stop(),
    )
    await eventually(async () => expect(await r.server.store.getWorkshop(stale.id)).toBeNull())
  })
})
