import { useEffect, useState } from 'react'
import type { SeriesHistory } from '@sparboard/protocol'
import { getSeriesHistory } from '../api.js'

export type SeriesHistoryState =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'error'; readonly error: string }
  | { readonly status: 'ready'; readonly history: SeriesHistory }

/**
 * [C21] The earlier sessions of a follow-up, loaded once per page: they are behind us and seldom
 * change (the review running now comes live with the session instead).
 */
export function useSeriesHistory(
  workshopId: string,
  token: string,
  followUp: boolean,
): SeriesHistoryState {
  const [state, setState] = useState<SeriesHistoryState>({ status: 'idle' })
  useEffect(() => {
    if (!followUp) return
    let live = true
    setState({ status: 'loading' })
    getSeriesHistory(workshopId, token).then(
      (history) => live && setState({ status: 'ready', history }),
      (err: unknown) =>
        live &&
        setState({ status: 'error', error: err instanceof Error ? err.message : String(err) }),
    )
    return () => {
      live = false
    }
  }, [workshopId, token, followUp])
  return state
}
