import { useEffect, useSyncExternalStore } from 'react'
import type { Role } from '@sparboard/protocol'
import { workshopPath } from '../route.js'
import { subscribeStorage } from './storageEvents.js'

const KEY = 'sparboard.workshops'
const CHANGED = 'sparboard:workshops'
/** A device does not need more; the least recently opened go first. */
const KEEP = 50

/** A workshop this browser created or opened, with the link it came by. */
export interface RememberedWorkshop {
  readonly id: string
  readonly title: string
  readonly role: Role
  /** The in-app path with the token in its fragment (`/w/<id>#token=…`). */
  readonly path: string
  /** Last opened (ms). */
  readonly at: number
  /** The facilitator's: whether they copied their link (else the page warns before leaving). */
  readonly linkCopied?: boolean
}

const isEntry = (e: unknown): e is RememberedWorkshop =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as RememberedWorkshop).id === 'string' &&
  typeof (e as RememberedWorkshop).title === 'string' &&
  typeof (e as RememberedWorkshop).role === 'string' &&
  typeof (e as RememberedWorkshop).path === 'string' &&
  (e as RememberedWorkshop).path.startsWith('/w/') &&
  typeof (e as RememberedWorkshop).at === 'number'

/** Every remembered workshop, most recently opened first. */
export function readWorkshops(raw = localStorage.getItem(KEY)): RememberedWorkshop[] {
  try {
    const parsed: unknown = JSON.parse(raw ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isEntry).sort((a, b) => b.at - a.at) : []
  } catch {
    return []
  }
}

const same = (a: RememberedWorkshop, id: string, role: Role) => a.id === id && a.role === role

function write(list: readonly RememberedWorkshop[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, KEEP)))
  } catch {
    // storage full or off: the list is a convenience, the page goes on
  }
  dispatchEvent(new Event(CHANGED))
}

/** Adds or refreshes a workshop (same id and role: one entry, the newest link). */
export function rememberWorkshop(entry: Omit<RememberedWorkshop, 'at' | 'linkCopied'>): void {
  const list = readWorkshops()
  const old = list.find((e) => same(e, entry.id, entry.role))
  // a replaced link is a new link: it has not been copied yet
  const linkCopied = old?.path === entry.path ? old.linkCopied : false
  write([
    { ...entry, at: Date.now(), ...(linkCopied && { linkCopied }) },
    ...list.filter((e) => !same(e, entry.id, entry.role)),
  ])
}

/** Takes a workshop off this device's list (the workshop itself is untouched). */
export function forgetWorkshop(id: string, role: Role): void {
  write(readWorkshops().filter((e) => !same(e, id, role)))
}

/** The facilitator copied their link: no more warning before leaving. */
export function markLinkCopied(id: string, role: Role): void {
  write(readWorkshops().map((e) => (same(e, id, role) ? { ...e, linkCopied: true } : e)))
}

const subscribe = subscribeStorage(CHANGED)

/** The list, following every change (this tab or another). */
export function useRememberedWorkshops(): RememberedWorkshop[] {
  const raw = useSyncExternalStore(subscribe, () => localStorage.getItem(KEY))
  return readWorkshops(raw)
}

/** Puts the workshop on this device's list whenever it is opened (with the link it came by). */
export function useRememberWorkshop(
  workshop: { readonly id: string; readonly title: string; readonly role: Role },
  token: string,
): void {
  const { id, title, role } = workshop
  useEffect(() => {
    if (token) rememberWorkshop({ id, title, role, path: workshopPath(id, token) })
  }, [id, title, role, token])
}
