import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { asNoteId, editNoteText, placeNote, readNotes, userOrigin } from '@sparboard/board-model'
import { privateRoom } from '@sparboard/protocol'
import { SqliteStore } from '@sparboard/server'
import { spawnServer } from '../support/childServer.js'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { boardFromFrames, writePrivately, type PrivateNote } from '../support/privateWriting.js'
import { openRaw } from '../support/rawClient.js'
import { createWorkshop } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, joinAuthor, openControl } from './control.support.js'

const track = cleanupAfterEach()
const refusingDeletes = fileURLToPath(
  new URL('../support/refusingDeletesServer.ts', import.meta.url),
)

const notes: PrivateNote[] = [
  {
    id: 'anna-1',
    text: 'Anna: promise dates Operations can keep',
    category: 'interest',
    side: 0,
    authorSide: 0,
    x: 150,
    y: 330,
    author: 'Anna',
  },
  {
    id: 'bram-1',
    text: 'Bram: rush orders break the week plan',
    category: 'friction',
    side: null,
    authorSide: 1,
    x: 920,
    y: 290,
    author: 'Bram',
  },
]

/** What the stored data says, read as a restarted server would, with no server running. */
async function stored(dataDir: string, rooms: string[]) {
  const store = new SqliteStore(join(dataDir, 'sparboard.sqlite'))
  try {
    const notesIn = async (room: string) => {
      const doc = new Y.Doc()
      for (const update of (await store.loadBoard(room)).updates) Y.applyUpdate(doc, update)
      return readNotes(doc).map((n) => n.id)
    }
    return { pending: await store.pendingReveals(), notes: await Promise.all(rooms.map(notesIn)) }
  } finally {
    await store.close()
  }
}

describe('control plane: a reveal cut short', () => {
  it('[C19] kill -9 between the copy and the delete: after the restart each note is on the board once and the private rooms are empty', async () => {
    const dataDir = track(mkdtempSync(join(tmpdir(), 'sparboard-reveal-')), (dir) =>
      rmSync(dir, { recursive: true, force: true }),
    )
    const first = await spawnServer(dataDir, {}, refusingDeletes)
    track(first, (s) => s.proc.kill('SIGKILL'))
    const w = await createWorkshop(first.url)
    const board = w.boards[0]!.id
    const control = (token: string) => track(openControl(first.url, token), (c) => c.close())
    const [f, a, b] = [
      control(w.tokens.facilitator),
      control(w.tokens.participant),
      control(w.tokens.participant),
    ]
    await Promise.all([connected(f), connected(a), connected(b)])
    const authors = [await joinAuthor(a, 'Anna', 0), await joinAuthor(b, 'Bram', 1)]
    const rooms = authors.map((author) => privateRoom(board, author.privateKey))
    // [H27] each room opens to its author's own token only
    const tokens = authors.map((author) => author.personalToken)
    await f.send('phase:set', { phase: 'interests' })
    for (const [i, room] of rooms.entries()) {
      const author = await writePrivately(first.wsUrl, room, tokens[i]!, [notes[i]!])
      author.provider.destroy()
    }
    const raw = track(openRaw(first.wsUrl, board, w.tokens.observer), (r) => r.ws.close())
    await raw.opened

    // The reveal copies both notes onto the board, then cannot store their delete: it hangs there.
    void f.send('phase:reveal', {}).catch(() => {})
    await eventually(() => expect(readNotes(boardFromFrames(raw.received))).toEqual(notes))
    // The group works on the revealed notes at once: a second copy would undo this.
    const group = track(openBoard(first.wsUrl, board, w.tokens.facilitator), (c) =>
      c.provider.destroy(),
    )
    await synced(group.provider)
    const [anna, bram] = [notes[0]!, notes[1]!]
    const edited = `${anna.text} (agreed)`
    const origin = userOrigin('Carla')
    editNoteText(group.doc, asNoteId(anna.id), anna.text, edited, origin)
    placeNote(group.doc, asNoteId(bram.id), { x: 1040, y: 410 }, origin)
    const worked = [
      { ...anna, text: edited },
      { ...bram, x: 1040, y: 410 },
    ]
    // relayed to the observer only once stored ([H3])
    await eventually(() => expect(readNotes(boardFromFrames(raw.received))).toEqual(worked))
    first.proc.kill('SIGKILL')
    await first.exited
    expect(await stored(dataDir, [board, ...rooms])).toEqual({
      pending: [w.id],
      notes: [['anna-1', 'bram-1'], ['anna-1'], ['bram-1']],
    })

    // The restart finishes the reveal by itself, with no one on the control plane.
    const second = await spawnServer(dataDir)
    track(second, (s) => s.proc.kill('SIGTERM'))
    await eventually(async () =>
      expect(await stored(dataDir, rooms)).toEqual({ pending: [], notes: [[], []] }),
    )
    const reader = track(openBoard(second.wsUrl, board, w.tokens.observer), (c) =>
      c.provider.destroy(),
    )
    await synced(reader.provider)
    expect(readNotes(reader.doc)).toEqual(worked)
    for (const [i, room] of rooms.entries()) {
      const author = track(openBoard(second.wsUrl, room, tokens[i]!), (c) => c.provider.destroy())
      await synced(author.provider)
      expect(readNotes(author.doc)).toEqual([])
    }
  })
})
