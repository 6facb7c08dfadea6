import type { Request } from 'express'

/** The token of a request: `Authorization: Bearer <token>`, else `?token=` (for downloads). */
export function bearerToken(req: Request): string | null {
  const header = req.get('authorization')
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  if (match) return match[1] ?? null
  const query = req.query.token
  return typeof query === 'string' && query ? query : null
}
