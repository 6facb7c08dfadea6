import { describe, expect, it } from 'vitest'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { awarenessUpdate, frames, openRaw } from '../support/rawClient.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()

describe('BoardHub: awareness ids belong to who first used them ([H9])', () => {
  it('[H9] an observer cannot speak as an offline participant, who gets their id back on return', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    const boardId = w.boards[0]!.id
    const open = (token: string) =>
      track(openBoard(running.wsUrl, boardId, token), (c) => c.provider.destroy())
    const anna = open(w.tokens.participant)
    const watcher = open(w.tokens.participant)
    await Promise.all([synced(anna.provider), synced(watcher.provider)])
    const annaId = anna.doc.clientID
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    await eventually(() =>
      expect(watcher.provider.awareness.getStates().get(annaId)).toEqual({
        user: { name: 'Anna' },
      }),
    )
    // Anna goes offline; her cursor goes with her.
    anna.provider.disconnect()
    await eventually(() => expect(watcher.provider.awareness.getStates().has(annaId)).toBe(false))

    // An observer sends Anna's id with a later clock, then its own.
    const observer = track(openRaw(running.wsUrl, boardId, w.tokens.observer), (r) =>
      r.ws.terminate(),
    )
    await observer.opened
    observer.send(
      frames.awareness(awarenessUpdate(annaId, 1000, { user: { name: 'Anna (fake)' } })),
    )
    observer.send(frames.awareness(awarenessUpdate(424242, 1, { user: { name: 'Observer' } })))
    await eventually(() =>
      expect(watcher.provider.awareness.getStates().get(424242)).toEqual({
        user: { name: 'Observer' },
      }),
    )
    expect(watcher.provider.awareness.getStates().has(annaId)).toBe(false)

    // Anna returns with the same id: it is hers again.
    anna.provider.connect()
    await synced(anna.provider)
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna, back' })
    await eventually(() =>
      expect(watcher.provider.awareness.getStates().get(annaId)).toEqual({
        user: { name: 'Anna, back' },
      }),
    )
    expect(observer.ws.readyState).toBe(observer.ws.OPEN)
  })
})
