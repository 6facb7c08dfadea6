import * as Y from 'yjs'
import type { Side } from './Category.js'
import { addNoteInZone } from './addNoteAt.js'
import { NOTE_SIZE, zoneFor } from './boardLayout.js'
import { GRID_GAP } from './freeSpot.js'
import { asNoteId, type NoteId } from './ids.js'
import { NoteLimits } from './limits.js'
import type { BoardOrigin } from './origins.js'
import { readNote, type NoteSnapshot } from './readNotes.js'
import { linksOf, NoteField, notesOf } from './schema.js'

/**
 * A link from a solution to an interest it serves ("both sides must gain"), or from a position to
 * an interest found beneath it ("positions become interests"). Stored in the `links` map under
 * `linkKey(from, to)` as a plain value, so two people linking the same pair at once make one link.
 */
export interface LinkSnapshot {
  readonly from: NoteId
  readonly to: NoteId
  readonly author: string
}

/** Why a link cannot be made: an end is not on the board, the ends are the wrong kinds, a note has its limit of links. */
export type LinkRefusal = 'no-note' | 'wrong-kind' | 'limit'

/** The key of the link from one note to another in the `links` map. */
export const linkKey = (from: string, to: string): string => `${from}>${to}`

const noteAt = (doc: Y.Doc, id: string): NoteSnapshot | null => {
  const note: unknown = notesOf(doc).get(id)
  return note instanceof Y.Map ? readNote(id, note) : null
}

/** Whether a note can be the start of a link: a solution, or an interest stated as a position. */
export const linksFrom = (note: NoteSnapshot): boolean =>
  note.category === 'solution' || note.position === true

/** Whether a link may run from one note to the other: to an interest that is not itself a position. */
export const linkFits = (from: NoteSnapshot, to: NoteSnapshot): boolean =>
  linksFrom(from) && to.category === 'interest' && to.position !== true && from.id !== to.id

/** How many links start at a note, the one under `except` left out. */
function linksFromCount(doc: Y.Doc, from: string, except?: string): number {
  let n = 0
  linksOf(doc).forEach((_, key) => {
    if (key !== except && key.startsWith(`${from}>`)) n++
  })
  return n
}

/**
 * Why the link `from` → `to` cannot be on the board as it is now, or null when it may: both
 * notes there, a solution or position to an interest, the start within its limit of links.
 * @example if (linkRefusal(doc, solutionId, interestId) === null) linkNotes(...)
 */
export function linkRefusal(doc: Y.Doc, from: string, to: string): LinkRefusal | null {
  const a = noteAt(doc, from)
  const b = noteAt(doc, to)
  if (!a || !b) return 'no-note'
  if (!linkFits(a, b)) return 'wrong-kind'
  if (linksFromCount(doc, from, linkKey(from, to)) >= NoteLimits.maxLinksPerNote) return 'limit'
  return null
}

/**
 * Links a solution to an interest it serves, or a position to an interest beneath it, in one
 * transaction; nothing is written when `linkRefusal` names a reason, which is returned.
 * @example linkNotes(doc, solutionId, interestId, 'Anna', origin)
 */
export function linkNotes(
  doc: Y.Doc,
  from: NoteId,
  to: NoteId,
  author: string,
  origin: BoardOrigin,
): LinkRefusal | 'ok' {
  const refusal = linkRefusal(doc, from, to)
  if (refusal) return refusal
  const key = linkKey(from, to)
  if (linksOf(doc).has(key)) return 'ok'
  doc.transact(() => {
    linksOf(doc).set(key, { from, to, author: author.slice(0, NoteLimits.maxAuthorLength) })
  }, origin)
  return 'ok'
}

/** Removes the link `from` → `to`; false when there was none. */
export function unlinkNotes(doc: Y.Doc, from: NoteId, to: NoteId, origin: BoardOrigin): boolean {
  const key = linkKey(from, to)
  if (!linksOf(doc).has(key)) return false
  doc.transact(() => linksOf(doc).delete(key), origin)
  return true
}

/** A stored link value as written by `linkNotes`, or null. */
export function parseLink(key: string, value: unknown): LinkSnapshot | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Partial<Record<keyof LinkSnapshot, unknown>>
  if (typeof v.from !== 'string' || typeof v.to !== 'string') return null
  if (typeof v.author !== 'string' || v.author.length > NoteLimits.maxAuthorLength) return null
  if (key !== linkKey(v.from, v.to)) return null
  return { from: asNoteId(v.from), to: asNoteId(v.to), author: v.author }
}

/**
 * What is wrong with one entry of the `links` map as the board stands, or null: the value's
 * shape (`{ from, to, author }` under its key), the ends (see `linkRefusal`). The server checks
 * every link a write adds with it.
 * @example const why = findLinkProblem(doc, key, linksOf(doc).get(key))
 */
export function findLinkProblem(doc: Y.Doc, key: string, value: unknown): string | null {
  const link = parseLink(key, value)
  if (!link) return 'a link is { from, to, author } under the key from>to'
  const refusal = linkRefusal(doc, link.from, link.to)
  return refusal === 'no-note'
    ? 'both ends must be notes on the board'
    : refusal === 'wrong-kind'
      ? 'a link runs from a solution or position to an interest'
      : refusal === 'limit'
        ? `a note has at most ${NoteLimits.maxLinksPerNote} links`
        : null
}

/**
 * Every link whose ends are on the board and fit (a solution or position to an interest), sorted
 * by key. A link whose note moved to another zone since is left out, not deleted: moving the
 * note back brings it back.
 * @example const links = readLinks(doc, new Map(notes.map((n) => [n.id, n])))
 */
export function readLinks(
  doc: Y.Doc,
  notesById: ReadonlyMap<string, NoteSnapshot>,
): readonly LinkSnapshot[] {
  const out: { key: string; link: LinkSnapshot }[] = []
  linksOf(doc).forEach((value, key) => {
    const link = parseLink(key, value)
    if (!link) return
    const from = notesById.get(link.from)
    const to = notesById.get(link.to)
    if (from && to && linkFits(from, to)) out.push({ key, link: Object.freeze(link) })
  })
  out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return Object.freeze(out.map((o) => o.link))
}

/**
 * Writes links into another doc (e.g. with the notes a reveal moves there), in the caller's
 * transaction: each whose ends are there and fit, and that it does not hold yet. Returns how
 * many it wrote.
 */
export function copyLinks(links: readonly LinkSnapshot[], to: Y.Doc, origin: BoardOrigin): number {
  let written = 0
  to.transact(() => {
    for (const l of links) {
      const key = linkKey(l.from, l.to)
      if (linksOf(to).has(key) || linkRefusal(to, l.from, l.to) !== null) continue
      linksOf(to).set(key, { from: l.from, to: l.to, author: l.author })
      written++
    }
  }, origin)
  return written
}

/** The keys of the links that start or end at one of the notes (they go with the notes). */
export function linksTouching(doc: Y.Doc, ids: ReadonlySet<string>): readonly string[] {
  const out: string[] = []
  linksOf(doc).forEach((value, key) => {
    const [from, to] = key.split('>')
    if ((from !== undefined && ids.has(from)) || (to !== undefined && ids.has(to))) out.push(key)
  })
  return out
}

/**
 * How many interests of each side every solution serves, by the solution's id; a solution with
 * no link is not in it.
 * @example servedSides(links, notesById).get(solutionId) // [2, 0]: one-sided
 */
export function servedSides(
  links: readonly LinkSnapshot[],
  notesById: ReadonlyMap<string, NoteSnapshot>,
): ReadonlyMap<NoteId, readonly [number, number]> {
  const out = new Map<NoteId, [number, number]>()
  for (const link of links) {
    const from = notesById.get(link.from)
    const to = notesById.get(link.to)
    if (from?.category !== 'solution' || to?.side === null || to === undefined) continue
    const served = out.get(link.from) ?? [0, 0]
    served[to.side]++
    out.set(link.from, served)
  }
  return out
}

/** Whether a solution serves interests of one side only ("one-sided"); false with no link at all. */
export const isOneSided = (served: readonly [number, number] | undefined): boolean =>
  served !== undefined && served[0] > 0 !== served[1] > 0

/** The side a one-sided solution serves, or null. */
export const oneSidedFor = (served: readonly [number, number] | undefined): Side | null =>
  served && isOneSided(served) ? (served[0] > 0 ? 0 : 1) : null

/**
 * The interests a note links to (a solution serves, or found beneath a position), the first
 * side's first, each side's in reading order (top to bottom, left to right), as every list of
 * them shows them.
 * @example linkedInterests(board.links, notesById, solutionId).map((n) => n.text)
 */
export function linkedInterests(
  links: readonly LinkSnapshot[],
  notesById: ReadonlyMap<string, NoteSnapshot>,
  from: string,
): readonly NoteSnapshot[] {
  return links
    .filter((l) => l.from === from)
    .map((l) => notesById.get(l.to))
    .filter((n): n is NoteSnapshot => n !== undefined && n.category === 'interest')
    .sort((a, b) => (a.side ?? 0) - (b.side ?? 0) || a.y - b.y || a.x - b.x)
}

/**
 * The positions on a board, each with the interests found beneath it (linked from it), in the
 * notes' order.
 * @example for (const { position, interests } of positionsWithInterests(notes, links)) ...
 */
export function positionsWithInterests(
  notes: readonly NoteSnapshot[],
  links: readonly LinkSnapshot[],
): readonly { readonly position: NoteSnapshot; readonly interests: readonly NoteSnapshot[] }[] {
  const byId = new Map(notes.map((n) => [n.id, n]))
  return notes
    .filter((n) => n.position === true)
    .map((position) => ({ position, interests: linkedInterests(links, byId, position.id) }))
}

/** Marks an interest as a position, or takes the mark off; false when there is no such interest. */
export function markPosition(doc: Y.Doc, id: NoteId, on: boolean, origin: BoardOrigin): boolean {
  const note: unknown = notesOf(doc).get(id)
  if (!(note instanceof Y.Map) || readNote(id, note)?.category !== 'interest') return false
  doc.transact(() => {
    if (on) note.set(NoteField.position, true)
    else note.delete(NoteField.position)
  }, origin)
  return true
}

/**
 * The answer to a position's "why does this matter to you?": a new interest of the same side on
 * a free spot near the position, linked from it, in one transaction (one undo step). Returns the
 * new note's id, or null when `positionId` is not a position.
 * @example answerPosition(doc, positionId, asNoteId(uuid()), { text: 'Customers leave after a week', author: 'Anna' }, origin)
 */
export function answerPosition(
  doc: Y.Doc,
  positionId: NoteId,
  id: NoteId,
  answer: { readonly text: string; readonly author: string; readonly authorSide?: Side },
  origin: BoardOrigin,
): NoteId | null {
  const position = noteAt(doc, positionId)
  if (!position?.position || position.side === null) return null
  const zone = zoneFor('interest', position.side)
  const below = { x: position.x, y: position.y + NOTE_SIZE.height + GRID_GAP }
  doc.transact(() => {
    addNoteInZone(doc, id, zone, answer, origin, below)
    linksOf(doc).set(linkKey(positionId, id), {
      from: positionId,
      to: id,
      author: answer.author.slice(0, NoteLimits.maxAuthorLength),
    })
  }, origin)
  return id
}
