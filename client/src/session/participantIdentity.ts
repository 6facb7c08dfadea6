import { useSyncExternalStore } from 'react'

const key = (workshopId: string) => `sparboard.participant.${workshopId}`
const CHANGED = 'sparboard:identity'

/** The participant id the server gave this browser in a workshop, so a rejoin keeps the group. */
export interface ParticipantIdentity {
  readonly id: string
  readonly name: string
  readonly side: 0 | 1 | 'other'
  /** The key to this participant's private writing rooms (see docs/private-writing.md). */
  readonly privateKey?: string
  /** [C20] This participant's own token: their board connections, and the proof of a rejoin. */
  readonly personalToken?: string
  /** The participant link it was last confirmed on; a replaced link suspends the token until a rejoin. */
  readonly link?: string
}

export function loadIdentity(workshopId: string): ParticipantIdentity | null {
  try {
    const raw = localStorage.getItem(key(workshopId))
    return raw ? (JSON.parse(raw) as ParticipantIdentity) : null
  } catch {
    return null
  }
}

export function saveIdentity(workshopId: string, identity: ParticipantIdentity): void {
  localStorage.setItem(key(workshopId), JSON.stringify(identity))
  dispatchEvent(new Event(CHANGED))
}

/** Forgets who this browser was in a workshop (the server no longer knows it as them). */
export function forgetIdentity(workshopId: string): void {
  localStorage.removeItem(key(workshopId))
  dispatchEvent(new Event(CHANGED))
}

const subscribe = (listener: () => void) => {
  addEventListener(CHANGED, listener)
  // Another tab of the same browser may join or rejoin.
  addEventListener('storage', listener)
  return () => {
    removeEventListener(CHANGED, listener)
    removeEventListener('storage', listener)
  }
}

/** This browser's identity in a workshop, following every save (any component, any tab). */
export function useIdentity(workshopId: string): ParticipantIdentity | null {
  const raw = useSyncExternalStore(subscribe, () => localStorage.getItem(key(workshopId)))
  try {
    return raw ? (JSON.parse(raw) as ParticipantIdentity) : null
  } catch {
    return null
  }
}
