import { useState } from 'react'

const KEY = 'sparboard.muted'

/** Whether this browser keeps the timer's chime silent, remembered across visits. */
export function useMuted(): [boolean, (muted: boolean) => void] {
  const [muted, setMuted] = useState(() => localStorage.getItem(KEY) === '1')
  return [
    muted,
    (next) => {
      localStorage.setItem(KEY, next ? '1' : '0')
      setMuted(next)
    },
  ]
}
