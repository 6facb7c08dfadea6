import { useSyncExternalStore } from 'react'
import type { Broadcast } from '@sparboard/protocol'
import { subscribeStorage } from './storageEvents.js'

const KEY = 'sparboard.dismissedBroadcasts'
const CHANGED = 'sparboard:dismissed-broadcast'
/** Enough for every message of many workshops; the oldest are forgotten first. */
const KEEP = 200

/** A broadcast's key: its workshop, its number there and when it was sent. */
const broadcastKey = (workshopId: string, b: Broadcast) => `${workshopId}/${b.id}/${b.at}`

function read(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : []
  } catch {
    return []
  }
}

/** Remembers that this person dismissed a message: it stays away across boards and reloads. */
export function dismissBroadcast(workshopId: string, b: Broadcast): void {
  const keys = read().filter((k) => k !== broadcastKey(workshopId, b))
  keys.push(broadcastKey(workshopId, b))
  try {
    localStorage.setItem(KEY, JSON.stringify(keys.slice(-KEEP)))
  } catch {
    // storage full or off: dismissed for this page only
  }
  dispatchEvent(new Event(CHANGED))
}

const subscribe = subscribeStorage(CHANGED)

/** Whether this person dismissed the message (in any tab, on any board, before a reload). */
export function useBroadcastDismissed(workshopId: string, b: Broadcast | null): boolean {
  const stored = useSyncExternalStore(subscribe, () => localStorage.getItem(KEY))
  return b !== null && stored !== null && read().includes(broadcastKey(workshopId, b))
}
