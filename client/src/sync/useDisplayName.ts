import { useState } from 'react'

const KEY = 'sparboard.name'

/** The name this browser uses on notes and cursors, remembered across visits. */
export function useDisplayName(): [string, (name: string) => void] {
  const [name, setName] = useState(() => localStorage.getItem(KEY) ?? '')
  return [
    name,
    (next: string) => {
      localStorage.setItem(KEY, next)
      setName(next)
    },
  ]
}
