import { randomBytes } from 'node:crypto'
import type { CreateWorkshopBody, Links } from '@sparboard/protocol'
import type { WorkshopRecord } from '../store/Store.js'

/**
 * A random id or token: 128 bits for ids, 192 for tokens, base64url. Never starts with `-` or `_`:
 * ids land in CSV exports, where a leading `-` is defused as a formula and the id no longer
 * round-trips (redrawing keeps the ids uniform over the rest).
 */
export function randomId(bytes = 16): string {
  for (;;) {
    const id = randomBytes(bytes).toString('base64url')
    if (id[0] !== '-' && id[0] !== '_') return id
  }
}

/** The link a role opens; the token rides in the fragment, so it never reaches logs or referrers. */
export const linkFor = (publicUrl: string, workshopId: string, token: string): string =>
  `${publicUrl.replace(/\/$/, '')}/w/${workshopId}#token=${token}`

/** Builds a workshop record with one board per case per group and a token per role. */
export function newWorkshop(body: CreateWorkshopBody, now: number): WorkshopRecord {
  const id = randomId()
  const cases = body.cases.map((c) => ({
    id: randomId(),
    title: c.title,
    description: c.description ?? '',
    broughtBy: c.broughtBy ?? '',
  }))
  const groups = Array.from({ length: body.groups }, (_, i) => ({
    id: randomId(),
    name: `${i + 1}`,
  }))
  const boards = groups.flatMap((g) =>
    cases.map((c) => ({ id: randomId(), caseId: c.id, groupId: g.id })),
  )
  const tokens: Links = {
    facilitator: randomId(24),
    participant: randomId(24),
    observer: randomId(24),
  }
  return {
    id,
    title: body.title,
    goals: body.goals,
    sides: body.sides,
    cases,
    groups,
    boards,
    tokens,
    createdAt: now,
    method: body.method,
  }
}

/** The three links of a workshop. */
export const linksOf = (publicUrl: string, w: WorkshopRecord): Links => ({
  facilitator: linkFor(publicUrl, w.id, w.tokens.facilitator),
  participant: linkFor(publicUrl, w.id, w.tokens.participant),
  observer: linkFor(publicUrl, w.id, w.tokens.observer),
})
