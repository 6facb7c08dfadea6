import { followUpPath, type ApiError, type CreatedFollowUp } from '@sparboard/protocol'

/** Asks the server for the next session of the series (facilitator token only). */
export async function startFollowUp(workshopId: string, token: string): Promise<CreatedFollowUp> {
  const res = await fetch(followUpPath(workshopId), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  })
  const body: unknown = await res.json().catch(() => ({ error: res.statusText }))
  if (!res.ok) throw new Error((body as ApiError).error)
  return body as CreatedFollowUp
}
