import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { NoteId } from '@sparboard/board-model'
import { colorOnBoard } from './personColor.js'

export interface Person {
  readonly clientId: number
  readonly name: string
  readonly color: string
  /** When they opened the board, by their clock (ms; 0 when not said): who keeps a colour. */
  readonly since: number
}

/** What one person shows the others, besides their name: pointer and a drag in progress. */
export interface PeerActivity extends Person {
  /** World coordinates, or null when the pointer is off the canvas. */
  readonly cursor: { readonly x: number; readonly y: number } | null
  readonly drag: {
    readonly ids: readonly NoteId[]
    readonly dx: number
    readonly dy: number
  } | null
  /** The notes this person has selected (at most SELECTION_SHARED of them). */
  readonly selection: readonly NoteId[]
}

/** A big selection is shown to others by its first notes only: awareness stays small. */
export const SELECTION_SHARED = 200

/** Reads every announced person from awareness; `others` leaves this browser out. */
export function readPeers(provider: WebsocketProvider, others: boolean): PeerActivity[] {
  const { awareness } = provider
  const list: PeerActivity[] = []
  awareness.getStates().forEach((state, clientId) => {
    if (others && clientId === awareness.clientID) return
    const s = state as {
      user?: { name?: unknown; color?: unknown; since?: unknown }
      cursor?: unknown
      drag?: unknown
      selection?: unknown
    }
    const user = s.user
    if (!user || typeof user.name !== 'string' || !user.name) return
    const cursor = s.cursor as PeerActivity['cursor']
    const drag = s.drag as PeerActivity['drag']
    list.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#888',
      since: typeof user.since === 'number' && Number.isFinite(user.since) ? user.since : 0,
      cursor: cursor && Number.isFinite(cursor.x) && Number.isFinite(cursor.y) ? cursor : null,
      drag: drag && Array.isArray(drag.ids) && Number.isFinite(drag.dx) ? drag : null,
      selection: Array.isArray(s.selection)
        ? (s.selection.filter((id) => typeof id === 'string') as NoteId[])
        : [],
    })
  })
  list.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId)
  return list
}

/** Announces me on the board and lists who is here (awareness). */
export function usePresence(
  provider: WebsocketProvider | undefined,
  name: string,
): readonly Person[] {
  const [people, setPeople] = useState<readonly Person[]>([])
  useEffect(() => {
    if (!provider) return
    const { awareness } = provider
    let color: string | null = null
    const me = { clientId: awareness.clientID, since: Date.now() }
    // My colour on this board: my name's, unless someone who came before shows it already.
    const settleColor = (list: readonly Person[]) => {
      const others = list.filter((p) => p.clientId !== awareness.clientID)
      const next = colorOnBoard(name, me, color, others)
      if (next === color) return false
      color = next
      awareness.setLocalStateField('user', { name, color, since: me.since })
      return true
    }
    // Cursor moves change awareness 30 times a second; the list only re-renders when who is
    // here, or their colour, changes.
    let key = ''
    const read = () => {
      const list = readPeers(provider, false)
      if (settleColor(list)) return // the change event of my new colour reads again
      const next = list.map((p) => `${p.clientId}:${p.name}:${p.color}`).join('|')
      if (next === key) return
      key = next
      setPeople(list)
    }
    awareness.on('change', read)
    read()
    return () => awareness.off('change', read)
  }, [provider, name])
  return people
}

/** The other people's cursors and drags, live. */
export function usePeerActivity(provider: WebsocketProvider | undefined): readonly PeerActivity[] {
  const [peers, setPeers] = useState<readonly PeerActivity[]>([])
  useEffect(() => {
    if (!provider) return
    const read = () => setPeers(readPeers(provider, true))
    provider.awareness.on('change', read)
    read()
    return () => provider.awareness.off('change', read)
  }, [provider])
  return peers
}
