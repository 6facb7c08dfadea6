import type { IncomingMessage } from 'node:http'

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/**
 * Whether the page behind a `/yjs` or `/socket.io` request may open it: browsers always send
 * `Origin` there, so a page of another site is refused; clients that send none (the stock
 * y-websocket provider and socket.io-client in Node, outside tools) are not browsers and go on.
 * Allowed are PUBLIC_URL's origin, ALLOWED_ORIGINS, and the request's own host (the page the
 * server itself served, by whatever name it was reached: `127.0.0.1`, a LAN address, Vite's
 * dev server proxying to us).
 * @example const allowed = originAllowed(() => publicUrl, ['https://intranet.example'])
 */
export function originAllowed(
  publicUrl: () => string,
  allowedOrigins: readonly string[],
): (req: IncomingMessage) => boolean {
  const listed = new Set(allowedOrigins.map(originOf).filter((o) => o !== null))
  return (req) => {
    const origin = req.headers.origin
    if (origin === undefined) return true
    const given = originOf(origin)
    if (given === null) return false
    if (given === originOf(publicUrl()) || listed.has(given)) return true
    const host = req.headers.host
    if (!host) return false
    const url = new URL(given)
    return originOf(`${url.protocol}//${host}`) === given
  }
}
