import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Phase, type SessionView } from '@sparboard/protocol'
import { SqliteStore } from '../store/SqliteStore.js'
import { sampleWorkshop } from '../store/storeContract.js'
import { SessionCache } from './SessionCache.js'
import { SessionRegistry } from './SessionRegistry.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** A registry on a real store, its hooks recording what they were asked, in order. */
async function sessions(move: () => Promise<void> = async () => {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sparboard-sessions-'))
  const store = new SqliteStore(join(dir, 'sparboard.sqlite'))
  cleanups.push(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const workshop = sampleWorkshop()
  await store.createWorkshop(workshop)
  const told: string[] = []
  const cache = new SessionCache(store)
  const registry = new SessionRegistry({
    cache,
    store,
    moveRevealed: async () => {
      told.push('move')
      await move()
    },
    tallyBallots: async () => void told.push('tally'),
    placeFallbacks: async () => void told.push('fallbacks'),
  })
  registry.events.on('phaseChanged', (_id, ended) => told.push(`left ${ended.phase}`))
  const toPhase = (phase: Phase) =>
    registry.update(workshop.id, (state: SessionView) => ({ state: { ...state, phase } }))
  return { store, cache, registry, told, toPhase, id: workshop.id, boardId: workshop.boards[0]!.id }
}

describe('the session cache and registry', () => {
  it('[H18] the hub reads the one cached session: a stored change shows at once', async () => {
    const { cache, registry, id, boardId } = await sessions()
    await cache.prepare(id)
    expect(cache.lockedNow(id, boardId)).toBe(false)
    await registry.update(id, (state) => ({ state: { ...state, lockedBoards: [boardId] } }))
    expect(cache.lockedNow(id, boardId)).toBe(true)
    expect(cache.viewNow(id)?.revision).toBe(1)
  })

  it('[C19] the notes move before the change resolves; the phase change is told after', async () => {
    const { told, toPhase, store } = await sessions()
    await toPhase(Phase.interests)
    expect(told).toEqual(['left strategy'])
    const left = await toPhase(Phase.solutions)
    expect(left).toMatchObject({ changed: true, state: { phase: Phase.solutions } })
    expect(told).toEqual(['left strategy', 'move', 'left interests'])
    expect(await store.pendingReveals()).toEqual([])
  })

  it('[C19] a move that fails stays pending; once everyone left, the next use tries again', async () => {
    let fail = true
    const { cache, registry, told, toPhase, store, id } = await sessions(async () => {
      if (fail) throw new Error('board full')
    })
    await cache.prepare(id)
    await toPhase(Phase.interests)
    expect(await toPhase(Phase.solutions)).toMatchObject({ revealUnfinished: true })
    expect(await store.pendingReveals()).toEqual([id])
    fail = false
    // The hub still reads the session, so it stays cached; its pending move is picked up again.
    await registry.release(id, () => true)
    expect(cache.viewNow(id)?.phase).toBe(Phase.solutions)
    await registry.get(id)
    await (
      await cache.load(id)
    ).queue
    expect(told.filter((t) => t === 'move')).toEqual(['move', 'move'])
    expect(await store.pendingReveals()).toEqual([])
  })
})
