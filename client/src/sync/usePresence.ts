import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

export interface Person {
  readonly clientId: number
  readonly name: string
  readonly color: string
}

const COLORS = [
  '#e8590c',
  '#2f9e44',
  '#1971c2',
  '#9c36b5',
  '#c2255c',
  '#0c8599',
  '#5c940d',
  '#d6336c',
]

/** Announces me on the board and lists who else is here (awareness). */
export function usePresence(
  provider: WebsocketProvider | undefined,
  name: string,
): readonly Person[] {
  const [people, setPeople] = useState<readonly Person[]>([])
  useEffect(() => {
    if (!provider) return
    const { awareness } = provider
    awareness.setLocalStateField('user', {
      name,
      color: COLORS[awareness.clientID % COLORS.length],
    })
    const read = () => {
      const list: Person[] = []
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: { name?: unknown; color?: unknown } }).user
        if (user && typeof user.name === 'string' && user.name) {
          list.push({
            clientId,
            name: user.name,
            color: typeof user.color === 'string' ? user.color : '#888',
          })
        }
      })
      list.sort((a, b) => a.name.localeCompare(b.name))
      setPeople(list)
    }
    awareness.on('change', read)
    read()
    return () => awareness.off('change', read)
  }, [provider, name])
  return people
}
