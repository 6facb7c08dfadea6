import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  deleteNotes,
  editNoteText,
  readNotes,
  userOrigin,
} from '@sparboard/board-model'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { versionsApi } from '../support/versionsApi.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()
const anna = userOrigin('Anna')
const DAY_MS = 24 * 60 * 60 * 1000

/** What a person sees of a board: each note's text, by id. */
const texts = (doc: Y.Doc) => Object.fromEntries(readNotes(doc).map((n) => [n.id, n.text]))

const note = (doc: Y.Doc, id: string, text: string) =>
  addNote(doc, asNoteId(id), { category: 'friction', x: 50, y: 50, text, author: 'Anna' }, anna)

async function setUp(options: Parameters<typeof startServer>[0] = {}) {
  const running = track(await startServer(options), (r) => r.stop())
  const w = await createWorkshop(running.url)
  const boardId = w.boards[0]!.id
  const client = (token: string) => {
    const c = track(openBoard(running.wsUrl, boardId, token), (b) => b.provider.destroy())
    return c
  }
  const facilitator = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
  await connected(facilitator)
  return {
    running,
    w,
    boardId,
    client,
    facilitator,
    api: versionsApi(running.url, w.tokens.facilitator),
  }
}

describe('board history: versions', () => {
  it('keeps each board as a phase left it, and again after a few moments of activity', async () => {
    const { w, boardId, client, facilitator, api } = await setUp({ history: { activityMs: 300 } })
    const writer = client(w.tokens.participant)
    await synced(writer.provider)
    expect(await facilitator.send('phase:set', { phase: 'solutions' })).toEqual({ ok: true })
    note(writer.doc, 'n1', 'Delivery dates slip')
    note(writer.doc, 'n2', 'Stock is low')
    // the activity version of those two notes, in the solutions phase
    await eventually(async () =>
      expect((await api.versions(boardId)).map((v) => [v.reason, v.phase, v.notes])).toEqual([
        ['activity', 'solutions', 2],
        ['phase', null, 0],
      ]),
    )
    note(writer.doc, 'n3', 'Nobody owns the plan')
    expect(await facilitator.send('phase:set', { phase: 'voting' })).toEqual({ ok: true })
    await eventually(async () =>
      expect(await api.versions(boardId)).toContainEqual(
        expect.objectContaining({ reason: 'phase', phase: 'solutions', notes: 3 }),
      ),
    )
    // every board of the workshop is kept at a phase change, not only the busy one
    expect((await api.versions(w.boards[1]!.id)).map((v) => v.reason)).toEqual(['phase', 'phase'])
  })

  it('restores a version for every connected client at once, and a restore is undone by the version taken before it', async () => {
    const { w, boardId, client, facilitator, api } = await setUp()
    const [writer, reader] = [client(w.tokens.participant), client(w.tokens.observer)]
    await Promise.all([synced(writer.provider), synced(reader.provider)])
    note(writer.doc, 'kept', 'Delivery dates slip')
    note(writer.doc, 'edited', 'Stock is low')
    note(writer.doc, 'deleted', 'Nobody owns the plan')
    await eventually(() => expect(Object.keys(texts(reader.doc))).toHaveLength(3))
    await facilitator.send('phase:set', { phase: 'solutions' })
    await eventually(async () => expect(await api.versions(boardId)).toHaveLength(1))
    const then = texts(reader.doc)
    const [version] = await api.versions(boardId)

    editNoteText(writer.doc, asNoteId('edited'), 'Stock is low', 'Stock is far too low', anna)
    deleteNotes(writer.doc, [asNoteId('deleted')], anna)
    note(writer.doc, 'added', 'Hire a planner')
    const now = {
      kept: 'Delivery dates slip',
      edited: 'Stock is far too low',
      added: 'Hire a planner',
    }
    await eventually(() => expect(texts(reader.doc)).toEqual(now))

    // each client gets the restore as one update: nobody sees a board half restored
    const seen = [writer, reader].map((c) => {
      const updates: Uint8Array[] = []
      c.doc.on(
        'update',
        (u: Uint8Array, origin: unknown) => origin === c.provider && updates.push(u),
      )
      return updates
    })
    const restored = await api.restored(boardId, version!.id)
    expect(restored.restored).toEqual(version)
    expect(restored.before).toMatchObject({ reason: 'restore', phase: 'solutions', notes: 3 })
    await eventually(() => {
      expect(texts(reader.doc)).toEqual(then)
      expect(texts(writer.doc)).toEqual(then)
    })
    expect(seen.map((updates) => updates.length)).toEqual([1, 1])

    // the version kept right before the restore takes the board back to what it was
    const [newest] = await api.versions(boardId)
    expect(newest).toEqual(restored.before)
    await api.restored(boardId, newest!.id)
    await eventually(() => {
      expect(texts(reader.doc)).toEqual(now)
      expect(texts(writer.doc)).toEqual(now)
    })
    // and people go on writing on it as before
    note(writer.doc, 'after', 'Plan weekly')
    await eventually(() => expect(texts(reader.doc).after).toBe('Plan weekly'))
  })

  it('lists and restores for the facilitator only; everyone else is refused', async () => {
    const { running, w, boardId, api } = await setUp()
    const other = await createWorkshop(running.url)
    await running.server.versions.phaseChanged(w.id, null)
    const [version] = await api.versions(boardId)
    expect(version).toBeDefined()
    for (const role of ['participant', 'observer'] as const) {
      const as = versionsApi(running.url, w.tokens[role])
      expect((await as.list(boardId)).status).toBe(403)
      expect((await as.restore(boardId, version!.id)).status).toBe(403)
    }
    const stranger = versionsApi(running.url, other.tokens.facilitator)
    expect((await stranger.list(boardId)).status).toBe(403)
    expect((await stranger.restore(boardId, version!.id)).status).toBe(403)
    expect((await versionsApi(running.url, 'not-a-token').list(boardId)).status).toBe(401)
    expect((await fetch(`${running.url}/api/boards/${boardId}/versions`)).status).toBe(401)
    // a version of another board is not this board's
    const otherBoard = w.boards[1]!.id
    const res = await api.restore(otherBoard, version!.id)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ field: 'versionId' })
    const bad = await api.restore(boardId, 'latest')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ field: 'versionId' })
  })

  it('keeps a bounded number of versions per board, the newest of each phase besides, and none past RETENTION_DAYS', async () => {
    const { running, boardId, facilitator, api } = await setUp({
      history: { keep: 2 },
      security: { retentionDays: 30 },
    })
    const { store } = running.server
    const state = Y.encodeStateAsUpdate(new Y.Doc())
    const old = await store.saveVersion(
      boardId,
      { at: Date.now() - 31 * DAY_MS, reason: 'activity', phase: 'strategy', notes: 0 },
      state,
    )
    // past RETENTION_DAYS: not listed, not restorable, and gone at the next sweep
    expect(await api.versions(boardId)).toEqual([])
    expect((await api.restore(boardId, old!.id)).status).toBe(404)
    expect(await running.server.versions.sweep()).toBe(1)
    expect(await store.listVersions(boardId)).toEqual([])

    for (const phase of ['interests', 'solutions', 'voting', 'solutions', 'voting'] as const) {
      const before = (await store.listVersions(boardId))[0]?.id ?? 0
      expect(await facilitator.send('phase:set', { phase })).toEqual({ ok: true })
      await eventually(async () =>
        expect((await store.listVersions(boardId))[0]?.id ?? 0).toBeGreaterThan(before),
      )
    }
    // the phases left: null (before the agenda), interests, solutions, voting, solutions;
    // the two newest, then the newest of every other phase
    expect((await api.versions(boardId)).map((v) => v.phase)).toEqual([
      'solutions',
      'voting',
      'interests',
      null,
    ])
  })
})
