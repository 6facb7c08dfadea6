import { useSyncExternalStore } from 'react'

/**
 * Below this width (a phone, a tablet upright) the board takes the whole width: the outline and
 * the goals open as a sheet, the header folds into a menu. Kept in step with narrow.css.
 */
export const NARROW_QUERY = '(max-width: 56rem)'

/** Whether a media query matches now; re-renders when that changes (rotating, resizing). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = matchMedia(query)
      list.addEventListener('change', changed)
      return () => list.removeEventListener('change', changed)
    },
    () => matchMedia(query).matches,
  )
}

/** The screen is narrow: phone or upright tablet layout. */
export const useNarrow = () => useMediaQuery(NARROW_QUERY)

/** Fingers rather than a mouse: the hints speak of tapping, not double-clicking. */
export const useCoarsePointer = () => useMediaQuery('(pointer: coarse)')
