import { describe, expect, it } from 'vitest'
import { addNote, asNoteId, readNotes, userOrigin } from '@sparboard/board-model'
import { cleanupAfterEach } from '../support/cleanup.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()

describe('control plane: two channels, never mixed', () => {
  it('[C2] carries no note content, while notes flow on the board and the session changes', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const seen: string[] = []
    const f = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
    const p = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    p.socket.onAny((event: string, ...args: unknown[]) => seen.push(event + JSON.stringify(args)))
    await Promise.all([connected(f), connected(p)])

    const writer = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.participant)
    const reader = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.observer)
    track(writer.provider, (x) => x.destroy())
    track(reader.provider, (x) => x.destroy())
    await Promise.all([synced(writer.provider), synced(reader.provider)])
    writer.provider.awareness.setLocalStateField('user', { name: 'Anna-awareness-marker' })
    addNote(
      writer.doc,
      asNoteId('n1'),
      { category: 'friction', x: 10, y: 10, author: 'Anna', text: 'secret-note-marker' },
      userOrigin('anna'),
    )
    await expect
      .poll(() => readNotes(reader.doc).map((n) => n.text))
      .toEqual(['secret-note-marker'])
    await f.send('phase:set', { phase: 'solutions' })
    await f.send('board:spotlight', { boardId: w.boards[0]!.id })
    await expect.poll(() => p.state?.spotlight).toBe(w.boards[0]!.id)

    expect(seen.length).toBeGreaterThan(2)
    expect(seen.join('\n')).not.toMatch(/secret-note-marker|Anna-awareness-marker/)
  })
})
