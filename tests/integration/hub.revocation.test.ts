import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SqliteStore } from '@sparboard/server'
import { CloseCode } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { observeStore, type ObservedStore } from '../support/ObservedStore.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'
import { connected, openControl } from './control.support.js'

const track = cleanupAfterEach()

async function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sparboard-test-'))
  const store = observeStore(new SqliteStore(join(dataDir, 'sparboard.sqlite')))
  const running = track(await startServer({ dataDir, store }), (r) => r.stop())
  const w = await createWorkshop(running.url)
  return { running, store, w, boardId: w.boards[0]!.id }
}

/** How a connection ended up: closed with a code, or synced (let in). */
const outcome = (provider: Parameters<typeof synced>[0]) =>
  Promise.race([closedWith(provider), synced(provider).then(() => 'synced' as const)])

/** Holds every lookup of one token after the store answered it, until the test lets it go on. */
function holdLookups(store: ObservedStore, token: string) {
  const held: (() => void)[] = []
  const all: (() => void)[] = []
  store.afterFindToken = (looked) => {
    if (looked !== token) return
    return new Promise<void>((release) => {
      held.push(release)
      all.push(release)
    })
  }
  track(null, () => all.forEach((release) => release()))
  return {
    /** The release of the next held lookup, once one is waiting. */
    async next(): Promise<() => void> {
      await eventually(() => expect(held.length).toBeGreaterThan(0))
      return held.shift()!
    },
  }
}

type Board = Awaited<ReturnType<typeof setup>>

/** The facilitator calls the workshop's API (`path` below it); resolves with the status. */
const asFacilitator = async ({ running, w }: Board, method: string, path = '') =>
  (
    await fetch(`${running.url}/api/workshops/${w.id}${path}`, {
      method,
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    })
  ).status

/**
 * Opens a board connection with `token` and holds the hub's lookup of it while `meanwhile` runs
 * (the upgrade guard looks the token up first); the lookup then answers with the grant as it was
 * before. Resolves with how the connection ended up.
 */
async function letInAcross(
  { running, store, boardId }: Board,
  token: string,
  meanwhile: () => Promise<void>,
) {
  const lookups = holdLookups(store, token)
  const late = track(openBoard(running.wsUrl, boardId, token), (c) => c.provider.destroy())
  const ended = outcome(late.provider)
  ;(await lookups.next())()
  const hubLookup = await lookups.next()
  await meanwhile()
  hubLookup()
  return { ended: await ended, provider: late.provider }
}

describe('BoardHub: grants revoked while a connection is let in', () => {
  it('[H19] a board connection whose token lookup was under way when its link was replaced is closed with 4401', async () => {
    const board = await setup()
    const { running, w } = board
    const { ended, provider } = await letInAcross(board, w.tokens.participant, async () => {
      expect(await asFacilitator(board, 'POST', '/links/participant/rotate')).toBe(200)
    })
    expect(ended).toBe(CloseCode.unknownToken)
    await eventually(() => expect(provider.shouldConnect).toBe(false))
    expect(provider.synced).toBe(false)
    // The board the refused connection had loaded is not kept open for nobody.
    await eventually(() => expect(running.server.hub.openBoards).toBe(0))
  })

  it('[H19] a board connection whose personal token lookup was under way when its person was removed is closed with 4401', async () => {
    const board = await setup()
    const { running, w, boardId } = board
    const f = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
    const anna = track(openControl(running.url, w.tokens.participant), (c) => c.close())
    await Promise.all([connected(f), connected(anna)])
    const joined = await anna.send('session:join', { name: 'Anna', side: 0 })
    if (!joined.ok || !joined.personalToken) throw new Error('join refused')
    const { ended, provider } = await letInAcross(board, joined.personalToken, async () => {
      expect(await f.send('participant:remove', { participantId: joined.participantId })).toEqual({
        ok: true,
      })
    })
    expect(ended).toBe(CloseCode.unknownToken)
    expect(provider.synced).toBe(false)
    // Someone else let in at the same time is not affected.
    const bram = track(openBoard(running.wsUrl, boardId, w.tokens.participant), (c) =>
      c.provider.destroy(),
    )
    await synced(bram.provider)
  })

  it('[H19] a board connection whose token lookup was under way when its workshop was deleted is closed with 4401', async () => {
    const board = await setup()
    const { ended, provider } = await letInAcross(board, board.w.tokens.participant, async () => {
      expect(await asFacilitator(board, 'DELETE')).toBe(204)
    })
    expect(ended).toBe(CloseCode.unknownToken)
    await eventually(() => expect(provider.shouldConnect).toBe(false))
    expect(provider.synced).toBe(false)
  })
})
