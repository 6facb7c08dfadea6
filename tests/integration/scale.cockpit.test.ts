import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote, asNoteId, readVotes, userOrigin } from '@sparboard/board-model'
import type { BoardPresence, SharedView } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import {
  scaleServicesUp,
  scaleSpace,
  startScaleNode,
  type ScaleSpace,
} from '../support/scaleCluster.js'
import { createWorkshop, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const up = await scaleServicesUp()
const track = cleanupAfterEach()

const shown = (doc: Y.Doc) =>
  readVotes(doc)
    .map((v) => `${v.participant}/${v.noteId}:${v.count}:${v.side}`)
    .sort()

describe.skipIf(!up)('scale-out: the cockpit across nodes', () => {
  let space: ScaleSpace
  let nodes: RunningServer[] = []
  beforeAll(async () => {
    space = scaleSpace()
    nodes = await Promise.all([0, 1].map(() => startScaleNode(space)))
  })
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()))
    await space?.drop()
  })

  it('[C32][C34] the facilitator’s view and who is on which board reach sockets on the other node', async () => {
    const [n0, n1] = nodes as [RunningServer, RunningServer]
    const w = await createWorkshop(n0.url)
    const boardId = w.boards[0]!.id
    const f = track(openControl(n0.url, w.tokens.facilitator), (c) => c.close())
    const p = track(openControl(n1.url, w.tokens.participant), (c) => c.close())
    await Promise.all([connected(f), connected(p)])
    const views: SharedView[] = []
    p.socket.on('session:view', (v) => views.push(v))
    const presence: BoardPresence[] = []
    f.socket.on('presence:boards', (b) => presence.push(b))

    const joined = await p.send('session:join', { name: 'Anna', side: 0 })
    if (!joined.ok) throw new Error('join refused')
    expect(await p.send('presence:board', { boardId })).toEqual({ ok: true })
    await eventually(() =>
      expect(presence.at(-1)?.boards).toEqual({ [boardId]: [joined.participantId] }),
    )
    const view = { boardId, x: 10, y: 20, width: 1200, height: 700 }
    expect(await f.send('view:share', view)).toEqual({ ok: true })
    await eventually(() => expect(views).toEqual([view]))
    p.close()
    await eventually(() => expect(presence.at(-1)?.boards).toEqual({}))
  })

  it('[C33][S5] ballots cast on one node are tallied once onto the board when the facilitator closes the round on the other', async () => {
    const [n0, n1] = nodes as [RunningServer, RunningServer]
    const w = await createWorkshop(n0.url)
    const boardId = w.boards[0]!.id
    const f = track(openControl(n0.url, w.tokens.facilitator), (c) => c.close())
    const p = track(openControl(n1.url, w.tokens.participant), (c) => c.close())
    await Promise.all([connected(f), connected(p)])
    const joined = await p.send('session:join', { name: 'Bram', side: 1 })
    if (!joined.ok) throw new Error('join refused')
    const fac = track(openBoard(n0.wsUrl, boardId, w.tokens.facilitator), (x) =>
      x.provider.destroy(),
    )
    await synced(fac.provider)
    addNote(
      fac.doc,
      asNoteId('s1'),
      { category: 'solution', x: 0, y: 0, author: 'F' },
      userOrigin('f'),
    )
    expect(await f.send('phase:set', { phase: 'voting' })).toEqual({ ok: true })
    await eventually(() => expect(p.state?.phase).toBe('voting'))
    const cast = { boardId, noteId: 's1', delta: 1, side: 1 }
    expect(await p.send('votes:cast', cast)).toEqual({ ok: true, mine: { s1: 1 } })
    expect(await p.send('votes:cast', cast)).toEqual({ ok: true, mine: { s1: 2 } })
    const watcher = track(openBoard(n1.wsUrl, boardId, w.tokens.observer), (x) =>
      x.provider.destroy(),
    )
    await synced(watcher.provider)
    expect(shown(watcher.doc)).toEqual([])
    expect(await f.send('votes:close', {})).toEqual({ ok: true })
    await eventually(() => expect(shown(watcher.doc)).toEqual([`${joined.participantId}/s1:2:1`]))
    await eventually(() => expect(p.state?.voteRound.closed).toBe(true))
  })
})
