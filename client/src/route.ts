// No React here: the entry reads the route before React has loaded, to fetch the page's code
// alongside it (App.tsx has the hook that follows the route).

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
