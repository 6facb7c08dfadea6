import { afterEach, describe, expect, it } from 'vitest'
import { addNote, asNoteId, readNotes, userOrigin } from '@sparboard/board-model'
import { CloseCode } from '@sparboard/protocol'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { eventually } from '../support/eventually.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'

let running: RunningServer | null = null
const providers: { destroy(): void }[] = []
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy()
  await running?.stop()
  running = null
})

describe('walking skeleton', () => {
  it('creates a workshop with one board per case per group and three links', async () => {
    running = await startServer()
    const w = await createWorkshop(running.url, {
      title: 'S&OP',
      goals: ['On time'],
      sides: ['Sales', 'Operations'],
      cases: [{ title: 'Rush order' }, { title: 'New product' }],
      groups: 3,
    })
    expect(w.boards).toHaveLength(6)
    expect(new Set(w.boards.map((b) => `${b.caseId}/${b.groupId}`)).size).toBe(6)
    expect(w.links.participant).toContain(w.tokens.participant)
    const res = await fetch(`${running.url}/api/workshops/${w.id}`, {
      headers: { authorization: `Bearer ${w.tokens.observer}` },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ title: 'S&OP', role: 'observer', goals: ['On time'] })
  })

  it('answers 400 naming the field for a bad workshop', async () => {
    running = await startServer()
    const res = await fetch(`${running.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', cases: [], groups: 2 }),
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ field: 'cases' })
  })

  it('syncs a note between two stock y-websocket clients and keeps it across a restart', async () => {
    running = await startServer()
    const w = await createWorkshop(running.url)
    const board = w.boards[0]!
    const a = openBoard(running.wsUrl, board.id, w.tokens.participant)
    const b = openBoard(running.wsUrl, board.id, w.tokens.facilitator)
    providers.push(a.provider, b.provider)
    await Promise.all([synced(a.provider), synced(b.provider)])

    addNote(
      a.doc,
      asNoteId('n1'),
      { category: 'friction', x: 900, y: 100, text: 'Spoedorder', author: 'Anna' },
      userOrigin('anna'),
    )
    await eventually(() => expect(readNotes(b.doc).map((n) => n.text)).toEqual(['Spoedorder']))

    for (const p of providers.splice(0)) p.destroy()
    const dataDir = running.dataDir
    await running.stop(false)
    running = await startServer({ dataDir })
    const c = openBoard(running.wsUrl, board.id, w.tokens.observer)
    providers.push(c.provider)
    await synced(c.provider)
    expect(readNotes(c.doc)).toMatchObject([
      { text: 'Spoedorder', category: 'friction', author: 'Anna' },
    ])
  })

  it('closes a connection with an unknown token with 4401 and stops the client retrying', async () => {
    running = await startServer()
    const w = await createWorkshop(running.url)
    const { provider } = openBoard(running.wsUrl, w.boards[0]!.id, 'not-a-token')
    providers.push(provider)
    expect(await closedWith(provider)).toBe(CloseCode.unknownToken)
    await eventually(() => expect(provider.shouldConnect).toBe(false))
  })
})
