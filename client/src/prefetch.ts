// No React and no protocol here: the entry imports this before any page code has loaded.

/**
 * Requests a page needs first, started by the entry while the page's code is still loading
 * (issue 19): the workshop a link opens otherwise waits for React, the page and its first render.
 * Each is taken once; a later visit of the same page asks anew.
 */
const early = new Map<string, Promise<Response>>()

const keyOf = (path: string, token: string) => `${token} ${path}`

export const workshopApiPath = (workshopId: string) =>
  `/api/workshops/${encodeURIComponent(workshopId)}`

/** Starts a GET with the link's token, for the page to take over later. */
export function prefetch(path: string, token: string): void {
  const response = fetch(path, { headers: { authorization: `Bearer ${token}` } })
  // a failure is the page's to report when it takes the response; until then it is not unhandled
  response.catch(() => undefined)
  early.set(keyOf(path, token), response)
}

/** The response the entry asked for with this token, once; undefined when there is none. */
export function takePrefetched(path: string, token: string): Promise<Response> | undefined {
  const key = keyOf(path, token)
  const response = early.get(key)
  early.delete(key)
  return response
}
