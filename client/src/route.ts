import { useEffect, useState } from 'react'

/** The screens of the app, parsed from the path; the token rides in the fragment. */
export type Route =
  | { readonly page: 'start' }
  | { readonly page: 'workshop'; readonly workshopId: string; readonly token: string }
  | {
      readonly page: 'board'
      readonly workshopId: string
      readonly boardId: string
      readonly token: string
    }
  | { readonly page: 'notFound' }

export function parseRoute(pathname: string, hash: string): Route {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? ''
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent)
  if (parts.length === 0) return { page: 'start' }
  if (parts[0] === 'w' && parts[1] && parts.length === 2)
    return { page: 'workshop', workshopId: parts[1], token }
  if (parts[0] === 'w' && parts[1] && parts[2] === 'b' && parts[3] && parts.length === 4) {
    return { page: 'board', workshopId: parts[1], boardId: parts[3], token }
  }
  return { page: 'notFound' }
}

export const workshopPath = (workshopId: string, token: string) =>
  `/w/${encodeURIComponent(workshopId)}#token=${encodeURIComponent(token)}`

export const boardPath = (workshopId: string, boardId: string, token: string) =>
  `/w/${encodeURIComponent(workshopId)}/b/${encodeURIComponent(boardId)}#token=${encodeURIComponent(token)}`

/** Moves to another screen without a page load. */
export function navigate(path: string): void {
  history.pushState(null, '', path)
  dispatchEvent(new PopStateEvent('popstate'))
}

/** The current route; follows back/forward and `navigate`. */
export function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.hash)
  const [route, setRoute] = useState(read)
  useEffect(() => {
    const update = () => setRoute(read())
    addEventListener('popstate', update)
    addEventListener('hashchange', update)
    return () => {
      removeEventListener('popstate', update)
      removeEventListener('hashchange', update)
    }
  }, [])
  return route
}
