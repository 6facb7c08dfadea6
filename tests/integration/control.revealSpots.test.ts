import { describe, expect, it } from 'vitest'
import {
  addNoteInZone,
  asNoteId,
  boardZones,
  freeSpot,
  NOTE_SIZE,
  readNotes,
  userOrigin,
  ZONES,
  zoneFor,
  type NoteSnapshot,
} from '@sparboard/board-model'
import { privateRoom } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { writePrivately, type PrivateNote } from '../support/privateWriting.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, joinAuthor, openControl } from './control.support.js'

const track = cleanupAfterEach()

const overlapping = (notes: readonly NoteSnapshot[]) =>
  notes.flatMap((a, i) =>
    notes
      .slice(i + 1)
      .filter(
        (b) =>
          a.x < b.x + NOTE_SIZE.width &&
          b.x < a.x + NOTE_SIZE.width &&
          a.y < b.y + NOTE_SIZE.height &&
          b.y < a.y + NOTE_SIZE.height,
      )
      .map((b) => `${a.id} on ${b.id}`),
  )

/**
 * Four notes as one person writes them alone on an empty private board: each in the first free
 * spot of its zone, so every person's notes sit on the same spots as everyone else's.
 */
function fourNotes(name: string, side: 0 | 1): PrivateNote[] {
  const friction = zoneFor('friction', null)
  const first = freeSpot(friction, [])
  const spots = [
    { category: 'friction', side: null, ...first },
    { category: 'friction', side: null, ...freeSpot(friction, [first]) },
    { category: 'interest', side, ...freeSpot(zoneFor('interest', side), []) },
    { category: 'solution', side: null, ...freeSpot(zoneFor('solution', null), []) },
  ] as const
  return spots.map((spot, i) => ({
    id: `${name}-${i}`,
    text: `${name}'s note ${i}`,
    author: name,
    authorSide: side,
    ...spot,
  }))
}

describe('control plane: revealed notes land on free spots', () => {
  it('[L2][C19] a reveal of five people x four private notes leaves no note on another', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const board = w.boards[0]!.id
    const control = (token: string) => track(openControl(running.url, token), (c) => c.close())
    const f = control(w.tokens.facilitator)
    const people = ['Anna', 'Bram', 'Chris', 'Dana', 'Eef'].map((name, i) => ({
      name,
      side: (i % 2) as 0 | 1,
      control: control(w.tokens.participant),
    }))
    await Promise.all([connected(f), ...people.map((p) => connected(p.control))])
    const keys = await Promise.all(people.map((p) => joinAuthor(p.control, p.name, p.side)))

    // Someone already put a note on the shared board, on the spot everyone will pick privately.
    const shared = track(openBoard(running.wsUrl, board, w.tokens.facilitator), (b) =>
      b.provider.destroy(),
    )
    await synced(shared.provider)
    const who = { author: 'Facilitator', text: 'Already there' }
    addNoteInZone(shared.doc, asNoteId('early'), zoneFor('friction', null), who, userOrigin('f'))

    expect(await f.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
    const written = await Promise.all(
      people.map((p, i) =>
        writePrivately(
          running.wsUrl,
          privateRoom(board, keys[i]!.privateKey),
          // [H27] a private room opens to its participant's own token only
          keys[i]!.personalToken,
          fourNotes(p.name, p.side),
        ),
      ),
    )
    for (const author of written) track(author, (a) => a.provider.destroy())

    const watcher = track(openBoard(running.wsUrl, board, w.tokens.participant), (b) =>
      b.provider.destroy(),
    )
    await synced(watcher.provider)
    expect(await f.send('phase:reveal', {})).toEqual({ ok: true })
    await eventually(() => expect(readNotes(watcher.doc)).toHaveLength(21))

    const notes = readNotes(watcher.doc)
    expect(overlapping(notes)).toEqual([])
    // Every note in its own zone (grown where it was full), with its text and author.
    const zones = boardZones(notes)
    for (const n of notes) {
      const zone = zones[ZONES.indexOf(zoneFor(n.category, n.side))]!
      expect(n.x).toBeGreaterThanOrEqual(zone.x)
      expect(n.y).toBeGreaterThanOrEqual(zone.y)
      expect(n.x + NOTE_SIZE.width).toBeLessThanOrEqual(zone.x + zone.width)
      expect(n.y + NOTE_SIZE.height).toBeLessThanOrEqual(zone.y + zone.height)
    }
    expect(notes.find((n) => n.id === 'Eef-3')).toMatchObject({
      text: "Eef's note 3",
      category: 'solution',
      author: 'Eef',
    })
    // The note that was there first did not move.
    expect(notes.find((n) => n.id === 'early')).toMatchObject(
      freeSpot(zoneFor('friction', null), []),
    )
    // Everyone sees the same: a fresh client reads the board as the watcher does.
    const fresh = track(openBoard(running.wsUrl, board, w.tokens.observer), (b) =>
      b.provider.destroy(),
    )
    await synced(fresh.provider)
    expect(readNotes(fresh.doc)).toEqual(notes)
  })
})
