import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  asParticipantId,
  castVote,
  readVotes,
  retractVote,
  userOrigin,
  votesOf,
  type NoteId,
  type ParticipantId,
  type Side,
} from '@sparboard/board-model'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { storedDoc } from '../support/boardView.js'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer, type RunningServer } from '../support/startServer.js'
import { frames, openRaw } from '../support/rawClient.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl, type ControlClient } from './control.support.js'

const track = cleanupAfterEach()
const origin = userOrigin('script')
let running: RunningServer
beforeAll(async () => {
  running = await startServer()
})
afterAll(() => running.stop())

/** Every vote a document shows, as `participant/note:count:side`, sorted. */
const shown = (doc: Y.Doc) =>
  readVotes(doc)
    .map((v) => `${v.participant}/${v.noteId}:${v.count}:${v.side}`)
    .sort()

/** A board client that remembers every set of votes it ever showed, one per transaction. */
function watched(token: string, boardId: string) {
  const c = track(openBoard(running.wsUrl, boardId, token), (x) => x.provider.destroy())
  const history: string[][] = []
  c.doc.on('afterTransaction', () => history.push(shown(c.doc)))
  return { ...c, history, everShown: () => new Set(history.flat()) }
}

interface Person {
  readonly id: ParticipantId
  readonly token: string
  readonly side: Side
}

async function join(w: CreatedWorkshop, name: string, side: Side): Promise<Person> {
  const control = track(openControl(running.url, w.tokens.participant), (c) => c.close())
  await connected(control)
  const joined = await control.send('session:join', { name, side })
  if (!joined.ok || !joined.personalToken) throw new Error('join refused')
  return { id: asParticipantId(joined.participantId), token: joined.personalToken, side }
}

async function session() {
  const w = await createWorkshop(running.url)
  const boardId = w.boards[0]!.id
  const f: ControlClient = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
  await connected(f)
  const [anna, bram] = [await join(w, 'Anna', 0), await join(w, 'Bram', 1)]
  const facilitator = track(openBoard(running.wsUrl, boardId, w.tokens.facilitator), (x) =>
    x.provider.destroy(),
  )
  await synced(facilitator.provider)
  const notes = ['n1', 'n2', 'n3'].map(asNoteId)
  for (const id of notes)
    addNote(facilitator.doc, id, { category: 'solution', x: 0, y: 0, author: 'F' }, origin)
  return { w, boardId, f, anna, bram, facilitator, notes }
}

/** Casts one dot the way a scripted client may: whatever name, side and budget it likes. */
const dot = (doc: Y.Doc, note: NoteId, participant: ParticipantId, side: Side) =>
  castVote(doc, note, { participant, side, budget: 99 }, origin)

describe('BoardHub: votes ([H21])', () => {
  it('[H21] votes outside the voting phase, over budget, in another name or with the wrong side are undone for everyone, the author too; legal ones land', async () => {
    const { w, boardId, f, anna, bram, facilitator, notes } = await session()
    const [n1, n2, n3] = notes as [NoteId, NoteId, NoteId]
    expect((await f.send('votes:setBudget', { budget: 2 })).ok).toBe(true)
    // open voting: dots on the board itself (a blind round takes them as ballots, [C33])
    expect((await f.send('votes:setBlind', { blind: false })).ok).toBe(true)
    expect((await f.send('phase:set', { phase: 'interests' })).ok).toBe(true)
    const script = watched(anna.token, boardId)
    const bramBoard = watched(bram.token, boardId)
    const observer = watched(w.tokens.observer, boardId)
    await Promise.all([script, bramBoard, observer].map((c) => synced(c.provider)))
    await eventually(() => expect(votesOf(script.doc).size + notesIn(script.doc)).toBe(3))
    const peers = [bramBoard, observer]
    /**
     * Writes a refused vote, waits until the author's own document has lost it and the peers
     * agree with it, and checks that no peer showed it in between, not for one transaction.
     */
    const refused = async (write: () => void, vote: string) => {
      const marks = peers.map((p) => p.history.length)
      write()
      await eventually(() => expect(shown(script.doc).some((v) => v.startsWith(vote))).toBe(false))
      for (const p of peers) await eventually(() => expect(shown(p.doc)).toEqual(shown(script.doc)))
      peers.forEach((p, i) =>
        expect(
          p.history
            .slice(marks[i])
            .flat()
            .filter((v) => v.startsWith(vote)),
        ).toEqual([]),
      )
    }

    // outside the voting phase (the agenda runs, and this is not voting)
    await refused(() => dot(script.doc, n1, anna.id, 0), `${anna.id}/${n1}:`)

    expect((await f.send('phase:set', { phase: 'voting' })).ok).toBe(true)
    await eventually(() => expect(f.state?.phase).toBe('voting'))
    // in another participant's name, and with the side Anna did not choose
    await refused(() => dot(script.doc, n1, bram.id, 1), `${bram.id}/${n1}:`)
    await refused(() => dot(script.doc, n2, anna.id, 1), `${anna.id}/${n2}:1:1`)
    // legal: Bram votes on n1, Anna on n1 and n2 (her budget of 2)
    dot(bramBoard.doc, n1, bram.id, 1)
    dot(script.doc, n1, anna.id, 0)
    dot(script.doc, n2, anna.id, 0)
    const legal = [`${anna.id}/${n1}:1:0`, `${anna.id}/${n2}:1:0`, `${bram.id}/${n1}:1:1`].sort()
    await eventually(() => expect(shown(observer.doc)).toEqual(legal))
    // over budget: a third dot
    await refused(() => dot(script.doc, n3, anna.id, 0), `${anna.id}/${n3}:`)
    // taking Bram's dot away
    script.doc.transact(() => votesOf(script.doc).delete(`${bram.id}/${n1}`), origin)
    await eventually(() => expect(shown(script.doc)).toEqual(legal))

    // Everyone agrees on the legal votes: peers, a fresh client, the store, the author.
    for (const c of [bramBoard, observer, script])
      await eventually(() => expect(shown(c.doc)).toEqual(legal))
    const fresh = watched(w.tokens.observer, boardId)
    await synced(fresh.provider)
    expect(shown(fresh.doc)).toEqual(legal)
    expect(shown(facilitator.doc)).toEqual(legal)
    await eventually(async () =>
      expect(shown(await storedDoc(running.server.store, boardId))).toEqual(legal),
    )
    // Bram's dot never went away, not even for one transaction.
    const bramsDot = `${bram.id}/${n1}:1:1`
    const seenAfterBramVoted = bramBoard.history.slice(
      bramBoard.history.findIndex((h) => h.includes(bramsDot)),
    )
    expect(seenAfterBramVoted.every((h) => h.includes(bramsDot))).toBe(true)

    // Taking a dot back is fine while voting is open; it frees the budget for another.
    retractVote(script.doc, n2, anna.id, origin)
    dot(script.doc, n3, anna.id, 0)
    const after = [`${anna.id}/${n1}:1:0`, `${anna.id}/${n3}:1:0`, `${bram.id}/${n1}:1:1`].sort()
    await eventually(() => expect(shown(observer.doc)).toEqual(after))
    expect(shown(script.doc)).toEqual(after)
  })

  it('[H21] a link token speaks for no one: its votes are undone; the facilitator is not bound', async () => {
    const { w, boardId, anna, facilitator, notes } = await session()
    const [n1] = notes as [NoteId]
    const tool = watched(w.tokens.participant, boardId)
    const observer = watched(w.tokens.observer, boardId)
    await Promise.all([synced(tool.provider), synced(observer.provider)])
    await eventually(() => expect(notesIn(tool.doc)).toBe(3))
    dot(tool.doc, n1, anna.id, 0)
    await eventually(() => expect(shown(tool.doc)).toEqual([]))
    // the outside tool still edits notes, as the public contract says
    addNote(
      tool.doc,
      asNoteId('from-tool'),
      { category: 'friction', x: 1, y: 1, author: 'T' },
      origin,
    )
    await eventually(() => expect(notesIn(observer.doc)).toBe(4))
    // the facilitator runs the session: their writes to votes stand (e.g. clearing a round)
    dot(facilitator.doc, n1, asParticipantId('facilitator'), 1)
    await eventually(() => expect(shown(observer.doc)).toEqual([`facilitator/${n1}:1:1`]))
    expect([...observer.everShown()].filter((v) => v.startsWith(anna.id))).toEqual([])
  })

  it("[H21] [H25] a vote entry written to wait for someone else's next write is refused and never lands", async () => {
    const { w, boardId, f, anna, notes } = await session()
    const [n1] = notes as [NoteId]
    expect((await f.send('votes:setBudget', { budget: 9 })).ok).toBe(true)
    const annaBoard = watched(anna.token, boardId)
    const observer = watched(w.tokens.observer, boardId)
    await Promise.all([synced(annaBoard.provider), synced(observer.provider)])
    await eventually(() => expect(notesIn(annaBoard.doc)).toBe(3))
    // Mallory knows what Anna's next item will be called (her client id and clock are public)
    // and writes 9 dots in Anna's name right after it, so Yjs holds them until Anna writes.
    const foresight = new Y.Doc()
    foresight.clientID = annaBoard.doc.clientID
    Y.applyUpdate(foresight, Y.encodeStateAsUpdate(annaBoard.doc))
    dot(foresight, n1, anna.id, 0)
    const mallory = new Y.Doc()
    Y.applyUpdate(mallory, Y.encodeStateAsUpdate(foresight))
    const before = Y.encodeStateVector(mallory)
    mallory.transact(
      () =>
        votesOf(mallory).set(`${anna.id}/${n1}`, {
          noteId: n1,
          participant: anna.id,
          side: 0,
          count: 9,
        }),
      origin,
    )
    const sneaky = Y.encodeStateAsUpdate(mallory, before)
    const raw = openRaw(running.wsUrl, boardId, w.tokens.participant)
    track(raw, (r) => r.ws.close())
    await raw.opened
    raw.send(frames.update(sneaky))
    // [H25] it builds on a clock the board does not have: refused, not held back for Anna
    expect(await raw.closed).toBe(4400)
    expect(shown(observer.doc)).toEqual([])
    // Anna's real vote arrives and lands alone: nothing of Mallory's waited for it.
    dot(annaBoard.doc, n1, anna.id, 0)
    await eventually(() => expect(shown(annaBoard.doc)).toEqual(shown(observer.doc)))
    expect([...observer.everShown()].filter((v) => v.includes(':9:'))).toEqual([])
    expect(shown(annaBoard.doc).filter((v) => v.includes(':9:'))).toEqual([])
    expect(shown(observer.doc)).toEqual([`${anna.id}/${n1}:1:0`])
  })
})

function notesIn(doc: Y.Doc): number {
  return doc.getMap('notes').size
}
