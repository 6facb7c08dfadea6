import { useEffect, useState } from 'react'

/** The server's time, re-read every `everyMs` while `ticking` (for countdowns). */
export function useServerNow(offset: number, ticking: boolean, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!ticking) return
    setNow(Date.now())
    const id = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(id)
  }, [ticking, everyMs])
  return now + offset
}
