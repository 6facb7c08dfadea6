import {
  recurringPath,
  methodPath,
  restorePath,
  seriesPath,
  versionsPath,
  type BoardVersionList,
  type RestoredVersion,
  type ApiError,
  type CreatedWorkshop,
  type CreateWorkshopInput,
  type RecurringDecisionBody,
  type RecurringFrictions,
  type MethodPatch,
  type WorkshopMethod,
  type RotatedLink,
  type SeriesHistory,
  type WorkshopView,
} from '@sparboard/protocol'
import { takePrefetched, workshopApiPath } from './prefetch.js'

/** An API call that failed, with the server's message and the field it named. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.field ? `${body.field}: ${body.error}` : body.error)
  }
}

async function call<T>(
  path: string,
  init: RequestInit = {},
  early?: Promise<Response>,
): Promise<T> {
  const res = await (early ??
    fetch(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    }))
  const body: unknown = await res.json().catch(() => ({ error: res.statusText }))
  if (!res.ok) throw new ApiFailure(res.status, body as ApiError)
  return body as T
}

/** Creates a workshop; `createSecret` is needed only where the server sets CREATE_SECRET. */
export const createWorkshop = (body: CreateWorkshopInput, createSecret?: string) =>
  call<CreatedWorkshop>('/api/workshops', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: createSecret ? { 'x-create-secret': createSecret } : {},
  })

export type WorkshopWithLinks = WorkshopView & { readonly links?: CreatedWorkshop['links'] }

/** The workshop a link opens; the entry may have asked for it already (`prefetch`). */
export const getWorkshop = (id: string, token: string) =>
  call<WorkshopWithLinks>(
    workshopApiPath(id),
    { headers: { authorization: `Bearer ${token}` } },
    takePrefetched(workshopApiPath(id), token),
  )

/** Switches the method's options of a workshop (facilitator token only); answers them all. */
export const setMethod = (id: string, token: string, patch: MethodPatch) =>
  call<WorkshopMethod>(methodPath(id), {
    method: 'PATCH',
    body: JSON.stringify(patch),
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

/** Similar friction points across groups and sessions (facilitator token only). */
export const getRecurringFrictions = (id: string, token: string) =>
  call<RecurringFrictions>(recurringPath(id), { headers: { authorization: `Bearer ${token}` } })

/** Stores a merge or split of recurring friction points; answers them after it. */
export const decideRecurring = (id: string, token: string, decision: RecurringDecisionBody) =>
  call<RecurringFrictions>(recurringPath(id), {
    method: 'POST',
    body: JSON.stringify(decision),
    headers: { authorization: `Bearer ${token}` },
  })

/** A board's kept versions, newest first (facilitator token only). */
export const getVersions = (boardId: string, token: string) =>
  call<BoardVersionList>(versionsPath(boardId), { headers: { authorization: `Bearer ${token}` } })

/** Brings a board back to one of its versions, for everyone on it (facilitator token only). */
export const restoreVersion = (boardId: string, versionId: number, token: string) =>
  call<RestoredVersion>(restorePath(boardId, versionId), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  })
