import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addAgreement,
  addNote,
  asAgreementId,
  asClusterId,
  asNoteId,
  asParticipantId,
  castVote,
  deleteNotes,
  groupNotes,
  NoteField,
  notesOf,
  readNotes,
  readVotes,
  tallyVotes,
  userOrigin,
  type NoteId,
  type ParticipantId,
} from '@sparboard/board-model'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { storedDoc } from '../support/boardView.js'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { frames, openRaw } from '../support/rawClient.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()
const origin = userOrigin('script')
let running: RunningServer
beforeAll(async () => {
  running = await startServer()
})
afterAll(() => running.stop())

const texts = (doc: Y.Doc) => readNotes(doc).map((n) => `${n.id}:${n.text.length}`)

/** A board with a watcher that remembers every note text length it ever showed. */
async function board() {
  const w = await createWorkshop(running.url)
  const boardId = w.boards[0]!.id
  const watcher = track(openBoard(running.wsUrl, boardId, w.tokens.observer), (c) =>
    c.provider.destroy(),
  )
  const seen: string[] = []
  watcher.doc.on('afterTransaction', () => seen.push(...texts(watcher.doc)))
  await synced(watcher.provider)
  /** Writes with a scratch doc synced from the board, sends what it wrote as one update frame. */
  const write = async (change: (doc: Y.Doc) => void, token = w.tokens.participant) => {
    const raw = track(openRaw(running.wsUrl, boardId, token), (r) => r.ws.terminate())
    await raw.opened
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(watcher.doc))
    const before = Y.encodeStateVector(doc)
    change(doc)
    raw.send(frames.update(Y.encodeStateAsUpdate(doc, before)))
    return raw
  }
  /** The board as a fresh joiner and as a restarted server would have it. */
  const fresh = async () => {
    const joiner = track(openBoard(running.wsUrl, boardId, w.tokens.observer), (c) =>
      c.provider.destroy(),
    )
    await synced(joiner.provider)
    return joiner.doc
  }
  return { w, boardId, watcher, seen, write, fresh }
}

/** A note written around the model: any fields at all. */
function rawNote(doc: Y.Doc, id: string, fields: Record<string, unknown>) {
  const note = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(fields)) note.set(k, v)
  doc.transact(() => notesOf(doc).set(id, note), origin)
}
const good = () => ({
  text: new Y.Text('fine'),
  category: 'friction',
  x: 10,
  y: 10,
  author: 'Bo',
})

describe('BoardHub: content rule ([H26])', () => {
  it('[H26] a note past 2,000 characters is refused with 4400: no peer ever shows it, the store does not keep it', async () => {
    const { boardId, watcher, seen, write, fresh } = await board()
    const attacker = await write((doc) =>
      rawNote(doc, 'long', { ...good(), text: new Y.Text('x'.repeat(100_000)) }),
    )
    expect(await attacker.closed).toBe(4400)
    // The next honest write lands; the long note never showed anywhere.
    const honest = await write((doc) => rawNote(doc, 'ok', good()))
    await eventually(() => expect(texts(watcher.doc)).toEqual(['ok:4']))
    expect(seen.filter((s) => s.startsWith('long'))).toEqual([])
    expect(texts(await fresh())).toEqual(['ok:4'])
    expect(texts(await storedDoc(running.server.store, boardId))).toEqual(['ok:4'])
    expect(honest.ws.readyState).toBe(honest.ws.OPEN)
  })

  it('[H26] unknown category, a side on the wrong category, coordinates off the board or not finite: each refused with 4400', async () => {
    const { watcher, write } = await board()
    const bad: Record<string, unknown>[] = [
      { ...good(), category: 'gossip' },
      { ...good(), category: 'interest' },
      { ...good(), side: 1 },
      { ...good(), x: 1e9 },
      { ...good(), y: Number.NaN },
      { ...good(), x: '10' },
      { ...good(), author: 'x'.repeat(500) },
    ]
    for (const [i, fields] of bad.entries()) {
      const raw = await write((doc) => rawNote(doc, `bad-${i}`, fields))
      expect(await raw.closed, JSON.stringify(fields)).toBe(4400)
    }
    await write((doc) => rawNote(doc, 'ok', good()))
    await eventually(() => expect(texts(watcher.doc)).toEqual(['ok:4']))
  })

  it('[H26] text typed past the limit into an existing note is taken back; the note stays as it was', async () => {
    const { watcher, seen, write, fresh } = await board()
    await write((doc) => rawNote(doc, 'n', good()))
    await eventually(() => expect(texts(watcher.doc)).toEqual(['n:4']))
    const raw = await write((doc) => {
      const text = notesOf(doc).get('n')!.get(NoteField.text) as Y.Text
      doc.transact(() => text.insert(2, 'y'.repeat(5_000)), origin)
    })
    expect(await raw.closed).toBe(4400)
    // Moving it off the board is refused the same way.
    const moved = await write((doc) =>
      doc.transact(() => notesOf(doc).get('n')!.set(NoteField.x, Infinity), origin),
    )
    expect(await moved.closed).toBe(4400)
    await write((doc) => rawNote(doc, 'after', good()))
    await eventually(() => expect(texts(watcher.doc)).toEqual(['after:4', 'n:4']))
    expect(seen.filter((s) => s.startsWith('n:') && s !== 'n:4')).toEqual([])
    const joined = await fresh()
    expect(readNotes(joined).find((n) => n.id === 'n')).toMatchObject({ text: 'fine', x: 10 })
  })

  it('[H26] clusters and agreements past their limits are refused with 4400', async () => {
    const { watcher, write, fresh } = await board()
    await write((doc) => rawNote(doc, 'n', good()))
    await eventually(() => expect(texts(watcher.doc)).toEqual(['n:4']))
    const cluster = await write((doc) => {
      groupNotes(doc, asClusterId('c'), [asNoteId('n')], 'ok', origin)
      doc.transact(
        () => doc.getMap<Y.Map<unknown>>('clusters').get('c')!.set('name', 'z'.repeat(5000)),
        origin,
      )
    })
    expect(await cluster.closed).toBe(4400)
    const agreement = await write((doc) => {
      addAgreement(
        doc,
        asAgreementId('a'),
        {
          text: 'ok',
          owner: 'Bo',
          due: '',
          author: 'Bo',
          createdAt: 1,
          solutionIds: [],
          goals: {},
        },
        origin,
      )
      const text = doc.getMap<Y.Map<unknown>>('agreements').get('a')!.get('text') as Y.Text
      doc.transact(() => text.insert(0, 'w'.repeat(3000)), origin)
    })
    expect(await agreement.closed).toBe(4400)
    const joined = await fresh()
    expect(joined.getMap('clusters').size).toBe(0)
    expect(joined.getMap('agreements').size).toBe(0)
  })

  it("[H26] a note's author never changes; a participant's new note names that participant", async () => {
    const { w, watcher, write } = await board()
    const control = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    await connected(control)
    const joined = await control.send('session:join', { name: 'Anna', side: 0 })
    if (!joined.ok || !joined.personalToken) throw new Error('join refused')
    await write((doc) => rawNote(doc, 'bo', good()))
    await eventually(() => expect(readNotes(watcher.doc).map((n) => n.author)).toEqual(['Bo']))
    const forged = await write(
      (doc) => doc.transact(() => notesOf(doc).get('bo')!.set(NoteField.author, 'Anna'), origin),
      joined.personalToken,
    )
    expect(await forged.closed).toBe(4400)
    // Anna's own new note, written in Bram's name, carries hers.
    const anna = await write(
      (doc) => rawNote(doc, 'anna', { ...good(), author: 'Bram' }),
      joined.personalToken,
    )
    await eventually(() =>
      expect(readNotes(watcher.doc).map((n) => `${n.id}:${n.author}`)).toEqual([
        'anna:Anna',
        'bo:Bo',
      ]),
    )
    expect(anna.ws.readyState).toBe(anna.ws.OPEN)
  })
})

describe('BoardHub: votes go with their note ([H21], [H26])', () => {
  async function voting(w: CreatedWorkshop) {
    const f = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
    const p = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    await Promise.all([connected(f), connected(p)])
    const joined = await p.send('session:join', { name: 'Mallory', side: 0 })
    if (!joined.ok || !joined.personalToken) throw new Error('join refused')
    expect((await f.send('votes:setBudget', { budget: 3 })).ok).toBe(true)
    // open voting: dots on the board itself (a blind round takes them as ballots, [C33])
    expect((await f.send('votes:setBlind', { blind: false })).ok).toBe(true)
    expect((await f.send('phase:set', { phase: 'voting' })).ok).toBe(true)
    return { token: joined.personalToken, id: asParticipantId(joined.participantId) }
  }

  it('[H21] 3 dots on X, delete X, 3 on Y, write X again: the board counts 3, never 6', async () => {
    const { w, boardId, watcher } = await board()
    const me = await voting(w)
    const mallory = track(openBoard(running.wsUrl, boardId, me.token), (c) => c.provider.destroy())
    await synced(mallory.provider)
    const [x, y] = [asNoteId('x'), asNoteId('y')]
    const note = (id: NoteId) =>
      addNote(mallory.doc, id, { category: 'solution', x: 5, y: 5, author: 'Mallory' }, origin)
    note(x)
    note(y)
    const dots = (id: NoteId, participant: ParticipantId) => {
      for (let i = 0; i < 3; i++)
        castVote(mallory.doc, id, { participant, side: 0, budget: 99 }, origin)
    }
    const total = (doc: Y.Doc) =>
      [...tallyVotes(readVotes(doc), null).values()].reduce((n, t) => n + t.total, 0)
    dots(x, me.id)
    await eventually(() => expect(total(watcher.doc)).toBe(3))
    deleteNotes(mallory.doc, [x], origin)
    // The dots on X went with it, for everyone.
    await eventually(() => expect(readVotes(watcher.doc)).toEqual([]))
    dots(y, me.id)
    await eventually(() => expect(total(watcher.doc)).toBe(3))
    note(x)
    await eventually(() => expect(readNotes(watcher.doc).map((n) => n.id)).toEqual(['x', 'y']))
    expect(total(watcher.doc)).toBe(3)
    expect(total(mallory.doc)).toBe(3)
    // Past the budget now: a fourth dot anywhere is undone.
    castVote(mallory.doc, x, { participant: me.id, side: 0, budget: 99 }, origin)
    await eventually(() => expect(total(mallory.doc)).toBe(3))
    expect(total(await storedDoc(running.server.store, boardId))).toBe(3)
  })
})
