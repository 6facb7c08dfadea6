import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { ACTIVITY_INTERVAL_MS, broadcastActivity } from './broadcastActivity.js'

function fakeProvider() {
  const sent: Record<string, unknown>[] = []
  let state: Record<string, unknown> = { user: { name: 'Anna' } }
  const awareness = {
    getLocalState: () => state,
    setLocalState: (next: Record<string, unknown>) => {
      state = next
      sent.push(next)
    },
  }
  return { provider: { awareness } as unknown as WebsocketProvider, sent }
}

describe('broadcastActivity', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends a burst of pointer moves at about 30 Hz and always the last position', () => {
    const { provider, sent } = fakeProvider()
    const activity = broadcastActivity(provider)
    for (let i = 0; i < 100; i++) {
      activity.send({ cursor: { x: i, y: 0 } })
      vi.advanceTimersByTime(1)
    }
    vi.advanceTimersByTime(ACTIVITY_INTERVAL_MS)
    expect(sent.length).toBeGreaterThanOrEqual(3)
    expect(sent.length).toBeLessThanOrEqual(5)
    expect(sent.at(-1)).toMatchObject({ user: { name: 'Anna' }, cursor: { x: 99, y: 0 } })
  })

  it('sends the end of a drag at once, so nobody sees a note hanging mid-air', () => {
    const { provider, sent } = fakeProvider()
    const activity = broadcastActivity(provider)
    activity.send({ drag: { ids: [], dx: 1, dy: 1 } })
    activity.send({ drag: null }, true)
    expect(sent.at(-1)).toMatchObject({ drag: null })
  })
})
