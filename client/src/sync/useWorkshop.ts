import { useEffect, useState } from 'react'
import { getWorkshop, type WorkshopWithLinks } from '../api.js'

export type WorkshopState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly httpStatus: number }
  | { readonly status: 'ready'; readonly workshop: WorkshopWithLinks }

/** Loads a workshop with a link's token. */
export function useWorkshop(workshopId: string, token: string): WorkshopState {
  const [state, setState] = useState<WorkshopState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    getWorkshop(workshopId, token).then(
      (workshop) => live && setState({ status: 'ready', workshop }),
      (err: { status?: number }) =>
        live && setState({ status: 'error', httpStatus: err.status ?? 0 }),
    )
    return () => {
      live = false
    }
  }, [workshopId, token])
  return state
}
