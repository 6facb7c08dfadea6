import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote, asNoteId, deleteNotes, readNotes, userOrigin } from '@sparboard/board-model'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { scaleServicesUp, scaleSpace, startScaleNode } from '../support/scaleCluster.js'
import { createWorkshop } from '../support/startServer.js'
import { versionsApi } from '../support/versionsApi.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const up = await scaleServicesUp()
const track = cleanupAfterEach()
const anna = userOrigin('Anna')
const texts = (doc: Y.Doc) => Object.fromEntries(readNotes(doc).map((n) => [n.id, n.text]))
const note = (doc: Y.Doc, id: string, text: string) =>
  addNote(doc, asNoteId(id), { category: 'friction', x: 5, y: 5, text, author: 'Anna' }, anna)

describe.skipIf(!up)('scale-out: board history', () => {
  it('a version taken through one node is restored through another, for the clients of every node', async () => {
    const space = scaleSpace()
    track(space, (s) => s.drop())
    const [a, b] = [
      track(await startScaleNode(space), (n) => n.stop()),
      track(await startScaleNode(space), (n) => n.stop()),
    ]
    const w = await createWorkshop(a.url)
    const boardId = w.boards[0]!.id
    const [onA, onB] = [a, b].map((node) =>
      track(openBoard(node.wsUrl, boardId, w.tokens.participant), (c) => c.provider.destroy()),
    )
    await Promise.all([synced(onA!.provider), synced(onB!.provider)])
    note(onA!.doc, 'n1', 'Delivery dates slip')
    note(onB!.doc, 'n2', 'Stock is low')
    const then = { n1: 'Delivery dates slip', n2: 'Stock is low' }
    await eventually(() => [onA, onB].forEach((c) => expect(texts(c!.doc)).toEqual(then)))

    const facilitator = track(openControl(a.url, w.tokens.facilitator), (c) => c.close())
    await connected(facilitator)
    expect(await facilitator.send('phase:set', { phase: 'solutions' })).toEqual({ ok: true })
    const throughB = versionsApi(b.url, w.tokens.facilitator)
    await eventually(async () => expect(await throughB.versions(boardId)).toHaveLength(1))
    const [version] = await throughB.versions(boardId)
    expect(version).toMatchObject({ reason: 'phase', phase: null, notes: 2 })

    deleteNotes(onB!.doc, [asNoteId('n1')], anna)
    note(onA!.doc, 'n3', 'Hire a planner')
    await eventually(() =>
      [onA, onB].forEach((c) => expect(Object.keys(texts(c!.doc)).sort()).toEqual(['n2', 'n3'])),
    )
    await throughB.restored(boardId, version!.id)
    await eventually(() => [onA, onB].forEach((c) => expect(texts(c!.doc)).toEqual(then)))
  })
})
