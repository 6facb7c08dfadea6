import {
  seriesPath,
  type ApiError,
  type CreatedWorkshop,
  type CreateWorkshopBody,
  type RotatedLink,
  type SeriesHistory,
  type WorkshopView,
} from '@sparboard/protocol'

/** An API call that failed, with the server's message and the field it named. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.field ? `${body.field}: ${body.error}` : body.error)
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  })
  const body: unknown = await res.json().catch(() => ({ error: res.statusText }))
  if (!res.ok) throw new ApiFailure(res.status, body as ApiError)
  return body as T
}

/** Creates a workshop; `createSecret` is needed only where the server sets CREATE_SECRET. */
export const createWorkshop = (body: CreateWorkshopBody, createSecret?: string) =>
  call<CreatedWorkshop>('/api/workshops', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: createSecret ? { 'x-create-secret': createSecret } : {},
  })

export type WorkshopWithLinks = WorkshopView & { readonly links?: CreatedWorkshop['links'] }

export const getWorkshop = (id: string, token: string) =>
  call<WorkshopWithLinks>(`/api/workshops/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${token}` },
  })

/** Deletes a workshop with all its boards (facilitator token only). */
export const deleteWorkshop = (id: string, token: string) =>
  call<unknown>(`/api/workshops/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  })

/** Replaces a role's link: the old one stops at once (facilitator token only; [C15]). */
export const rotateLink = (id: string, role: keyof CreatedWorkshop['links'], token: string) =>
  call<RotatedLink>(
    `/api/workshops/${encodeURIComponent(id)}/links/${encodeURIComponent(role)}/rotate`,
    { method: 'POST', headers: { authorization: `Bearer ${token}` } },
  )

/** The earlier sessions of the workshop's series, with their agreements and reviews ([C21]). */
export const getSeriesHistory = (id: string, token: string) =>
  call<SeriesHistory>(seriesPath(id), { headers: { authorization: `Bearer ${token}` } })
