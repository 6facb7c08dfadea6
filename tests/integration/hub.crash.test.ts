import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote, asNoteId, editNoteText, readNotes, userOrigin } from '@sparboard/board-model'
import { spawnServer } from '../support/childServer.js'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { prng } from '../support/prng.js'
import { createWorkshop } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()
const WRITERS = 4

describe('BoardHub crash durability', () => {
  it('[H3] after kill -9, every edit that another client had received is still there', async () => {
    const dataDir = track(mkdtempSync(join(tmpdir(), 'sparboard-crash-')), (dir) =>
      rmSync(dir, { recursive: true, force: true }),
    )
    const first = await spawnServer(dataDir)
    track(first, (s) => s.proc.kill('SIGKILL'))
    const workshop = await createWorkshop(first.url)
    const boardId = workshop.boards[0]!.id
    const rnd = prng(11)

    /** Note id -> the longest text some client other than its author has received. */
    const seen = new Map<string, string>()
    const writers = Array.from({ length: WRITERS }, (_, w) => {
      const client = track(openBoard(first.wsUrl, boardId, workshop.tokens.participant), (c) =>
        c.provider.destroy(),
      )
      const me = `writer${w}`
      client.doc.on('afterTransaction', (tr: Y.Transaction) => {
        if (tr.origin !== client.provider) return
        for (const note of readNotes(client.doc)) {
          if (note.author !== me && note.text.length >= (seen.get(note.id)?.length ?? 0)) {
            seen.set(note.id, note.text)
          }
        }
      })
      return { ...client, me }
    })
    await Promise.all(writers.map((w) => synced(w.provider)))

    let step = 0
    const write = () => {
      for (const w of writers) {
        const own = readNotes(w.doc).filter((n) => n.author === w.me)
        const origin = userOrigin(w.me)
        if (own.length === 0 || rnd.next() < 0.4) {
          const id = asNoteId(`${w.me}-${step++}`)
          addNote(w.doc, id, { category: 'friction', x: 1, y: 1, author: w.me, text: '' }, origin)
        } else {
          const note = rnd.pick(own)
          editNoteText(w.doc, note.id, note.text, `${note.text}${step++ % 10}`, origin)
        }
      }
    }
    const ticker = setInterval(write, 10)
    try {
      await eventually(() => expect(seen.size).toBeGreaterThan(60), 20_000)
      first.proc.kill('SIGKILL')
      await first.exited
    } finally {
      clearInterval(ticker)
    }
    const witnessed = new Map(seen)
    // the writers must not resend their edits: only the store may bring them back
    for (const w of writers) w.provider.destroy()

    const second = await spawnServer(dataDir)
    track(second, (s) => s.proc.kill('SIGTERM'))
    const reader = track(openBoard(second.wsUrl, boardId, workshop.tokens.observer), (c) =>
      c.provider.destroy(),
    )
    await synced(reader.provider)
    const after = new Map(readNotes(reader.doc).map((n) => [n.id as string, n.text]))
    const lost = [...witnessed].filter(([id, text]) => !after.get(id)?.startsWith(text))
    expect(lost).toEqual([])
    expect(witnessed.size).toBeGreaterThan(60)
  })
})
