import type { WebsocketProvider } from 'y-websocket'
import type { PeerActivity } from './usePresence.js'

/** About 30 updates a second: smooth for the others, light on the network. */
export const ACTIVITY_INTERVAL_MS = 33

type Activity = Pick<PeerActivity, 'cursor' | 'drag' | 'selection'>

/**
 * Sends my pointer and drag through awareness, at most every ACTIVITY_INTERVAL_MS; the last
 * value always goes out, so the others' view ends where mine did.
 */
export function broadcastActivity(provider: WebsocketProvider) {
  let pending: Partial<Activity> | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let last = 0
  const flush = () => {
    timer = null
    last = performance.now()
    if (!pending) return
    const state = provider.awareness.getLocalState() ?? {}
    provider.awareness.setLocalState({ ...state, ...pending })
    pending = null
  }
  return {
    send(activity: Partial<Activity>, now = false) {
      pending = { ...pending, ...activity }
      if (now) {
        if (timer) clearTimeout(timer)
        flush()
      } else if (!timer) {
        timer = setTimeout(flush, Math.max(0, ACTIVITY_INTERVAL_MS - (performance.now() - last)))
      }
    },
    stop() {
      if (timer) clearTimeout(timer)
    },
  }
}
