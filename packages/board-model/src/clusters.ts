import * as Y from 'yjs'
import { asClusterId, asNoteId, type ClusterId, type NoteId } from './ids.js'
import { NoteLimits } from './limits.js'
import type { BoardOrigin } from './origins.js'
import { ClusterField, clustersOf, notesOf } from './schema.js'
import { InvalidNoteError } from './validateNote.js'
import { placeNotes } from './placeNote.js'
import { readNotes } from './readNotes.js'
import { gatherLayout } from './tidy.js'

/** A named group of notes. */
export interface ClusterSnapshot {
  readonly id: ClusterId
  readonly name: string
  /** Sorted; only notes that still exist. */
  readonly noteIds: readonly NoteId[]
}

function checkName(name: string) {
  if (typeof name !== 'string' || name.length > NoteLimits.maxClusterName) {
    throw new InvalidNoteError({ field: 'text', message: 'cluster name too long' })
  }
}

/** Removes notes from every cluster but `keep`; a cluster left empty goes too. */
function takeFromOthers(doc: Y.Doc, noteIds: readonly NoteId[], keep: ClusterId | null) {
  clustersOf(doc).forEach((cluster, id) => {
    if (id === keep) return
    const members = cluster.get(ClusterField.notes)
    if (!(members instanceof Y.Map)) return
    for (const n of noteIds) if (members.has(n)) members.delete(n)
    if (members.size === 0) clustersOf(doc).delete(id)
  })
}

/**
 * Groups notes into a new named cluster, taking them out of any cluster they were in. With
 * `gather`, the notes are pulled together in the same transaction ([L5], one undo step).
 * @example groupNotes(doc, asClusterId(uuid()), [a, b], 'Capacity', origin, { gather: true })
 */
export function groupNotes(
  doc: Y.Doc,
  id: ClusterId,
  noteIds: readonly NoteId[],
  name: string,
  origin: BoardOrigin,
  options: { readonly gather?: boolean } = {},
): void {
  checkName(name)
  const existing = noteIds.filter((n) => notesOf(doc).has(n))
  if (existing.length === 0) return
  doc.transact(() => {
    takeFromOthers(doc, existing, id)
    const cluster = new Y.Map<unknown>()
    const members = new Y.Map<boolean>()
    for (const n of existing) members.set(n, true)
    cluster.set(ClusterField.name, name)
    cluster.set(ClusterField.notes, members)
    clustersOf(doc).set(id, cluster)
    if (options.gather) {
      const ids = new Set<string>(existing)
      const notes = readNotes(doc)
      const gathered = gatherLayout(
        notes.filter((n) => ids.has(n.id)),
        notes.filter((n) => !ids.has(n.id)),
      )
      placeNotes(doc, gathered, origin)
    }
  }, origin)
}

/** Renames a cluster; false when it is gone. */
export function renameCluster(
  doc: Y.Doc,
  id: ClusterId,
  name: string,
  origin: BoardOrigin,
): boolean {
  checkName(name)
  const cluster = clustersOf(doc).get(id)
  if (!cluster) return false
  doc.transact(() => cluster.set(ClusterField.name, name), origin)
  return true
}

/** Dissolves a cluster; its notes stay on the board. */
export function ungroupCluster(doc: Y.Doc, id: ClusterId, origin: BoardOrigin): boolean {
  if (!clustersOf(doc).has(id)) return false
  doc.transact(() => clustersOf(doc).delete(id), origin)
  return true
}

/** Takes notes out of whatever cluster holds them. */
export function ungroupNotes(doc: Y.Doc, noteIds: readonly NoteId[], origin: BoardOrigin): void {
  doc.transact(() => takeFromOthers(doc, noteIds, null), origin)
}

/**
 * Every cluster with at least one existing note, sorted by id. When two people concurrently put
 * one note in different clusters, it is listed in the cluster with the smallest id only, so every
 * peer draws the same groups.
 */
export function readClusters(doc: Y.Doc): readonly ClusterSnapshot[] {
  const notes = notesOf(doc)
  const ids = [...clustersOf(doc).keys()].sort()
  const taken = new Set<string>()
  const out: ClusterSnapshot[] = []
  for (const id of ids) {
    const cluster = clustersOf(doc).get(id)!
    const members = cluster.get(ClusterField.notes)
    const name = cluster.get(ClusterField.name)
    if (!(members instanceof Y.Map)) continue
    const noteIds = [...members.keys()]
      .filter((n) => notes.has(n) && !taken.has(n))
      .sort()
      .map(asNoteId)
    noteIds.forEach((n) => taken.add(n))
    if (noteIds.length === 0) continue
    out.push(
      Object.freeze({
        id: asClusterId(id),
        name: typeof name === 'string' ? name : '',
        noteIds: Object.freeze(noteIds),
      }),
    )
  }
  return Object.freeze(out)
}

/**
 * The cluster each note is in, by the note's id (as `readClusters` lists them, a note is in one).
 * @example clusterByNote(readClusters(doc)).get(noteId)?.name
 */
export function clusterByNote(
  clusters: readonly ClusterSnapshot[],
): ReadonlyMap<NoteId, ClusterSnapshot> {
  const out = new Map<NoteId, ClusterSnapshot>()
  for (const c of clusters) for (const id of c.noteIds) out.set(id, c)
  return out
}
