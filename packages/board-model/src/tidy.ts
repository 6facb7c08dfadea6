import type * as Y from 'yjs'
import { NOTE_SIZE, zoneFor, type Zone } from './boardLayout.js'
import { clusterByNote, readClusters } from './clusters.js'
import { freeSpot, GRID_GAP, GRID_TOP, Occupancy, zoneGrid } from './freeSpot.js'
import type { NoteId } from './ids.js'
import type { BoardOrigin } from './origins.js'
import { placeNotes } from './placeNote.js'
import { readNotes, type NoteSnapshot } from './readNotes.js'
import { readVotes } from './votes.js'

/** How a tidy groups the notes of a zone: each group starts a row of its own. */
export type TidyGrouping = 'cluster' | 'side' | 'votes'

export const TIDY_GROUPINGS: readonly TidyGrouping[] = ['cluster', 'side', 'votes']

/** Extra room between two groups: a cluster's name fits under its notes. */
export const GROUP_GAP = 44

type Move = { readonly id: NoteId; readonly x: number; readonly y: number }

/** Top to bottom, then left to right: the order people read a zone in. */
const readingOrder = (a: NoteSnapshot, b: NoteSnapshot) =>
  a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * [L4] Where each note of a zone goes when it is tidied: groups in the order given, each starting
 * a row, notes in the grid of the zone in reading order, `GROUP_GAP` more between two groups.
 * A zone that cannot hold them grows as `freeSpot` grows it: the top row's zones upward (their
 * first row stays where it was), the solutions zone downward.
 * @example tidyLayout(zone, [clustered, rest])
 */
export function tidyLayout(zone: Zone, groups: readonly (readonly NoteSnapshot[])[]): Move[] {
  const grid = zoneGrid(zone)
  const filled = groups.filter((g) => g.length > 0)
  const step = NOTE_SIZE.height + GRID_GAP
  const height = filled.reduce(
    (sum, g, i) => sum + Math.ceil(g.length / grid.cols) * step + (i > 0 ? GROUP_GAP : 0),
    0,
  )
  // The last row's gap may stick out; growth is in whole rows, so a tidied zone's rows stay on
  // its grid (freeSpot's) when no group gap is in between.
  const room = zone.height - GRID_TOP + GRID_GAP
  const overflow = grid.grows === 'up' ? Math.ceil(Math.max(0, height - room) / step) * step : 0
  let y = zone.y + GRID_TOP - overflow
  const moves: Move[] = []
  for (const group of filled) {
    group.forEach((note, i) => {
      const { x } = grid.slot(i % grid.cols, 0)
      moves.push({ id: note.id, x, y: y + Math.floor(i / grid.cols) * step })
    })
    y += Math.ceil(group.length / grid.cols) * step + GROUP_GAP
  }
  return moves
}

/** The groups of one zone's notes, by cluster, by the author's side, or by votes. */
function groupsOf(
  notes: readonly NoteSnapshot[],
  by: TidyGrouping,
  clusterOf: (id: NoteId) => string | null,
  votesOf: (id: NoteId) => number,
): NoteSnapshot[][] {
  const sorted = [...notes].sort(readingOrder)
  if (by === 'votes') return [sorted.sort((a, b) => votesOf(b.id) - votesOf(a.id))]
  const key = (n: NoteSnapshot) =>
    by === 'side' ? String(n.authorSide ?? 'none') : (clusterOf(n.id) ?? '')
  const groups = new Map<string, NoteSnapshot[]>()
  for (const n of sorted) groups.set(key(n), [...(groups.get(key(n)) ?? []), n])
  // Clusters in the order they are read in, loose notes after them; sides 0, 1, then unknown.
  const keys = [...groups.keys()].sort((a, b) =>
    by === 'side' ? a.localeCompare(b) : Number(a === '') - Number(b === ''),
  )
  return keys.map((k) => groups.get(k)!)
}

/**
 * [L4] Arranges the notes of the given zones (every zone: the whole board) in their grids,
 * grouped as asked, in one transaction: one undo step for whoever tidied, seen live by everyone.
 * Returns how many notes moved.
 * @example tidyNotes(doc, [zoneFor('friction', null)], 'cluster', origin)
 */
export function tidyNotes(
  doc: Y.Doc,
  zones: readonly Zone[],
  by: TidyGrouping,
  origin: BoardOrigin,
): number {
  const notes = readNotes(doc)
  const clusters = clusterByNote(readClusters(doc))
  const votes = new Map<string, number>()
  for (const v of readVotes(doc)) votes.set(v.noteId, (votes.get(v.noteId) ?? 0) + v.count)
  const moves = zones.flatMap((zone) => {
    const own = notes.filter((n) => zoneFor(n.category, n.side) === zone)
    const groups = groupsOf(
      own,
      by,
      (id) => clusters.get(id)?.id ?? null,
      (id) => votes.get(id) ?? 0,
    )
    return tidyLayout(zone, groups)
  })
  const at = new Map(notes.map((n) => [n.id, n]))
  const changed = moves.filter((m) => at.get(m.id)?.x !== m.x || at.get(m.id)?.y !== m.y)
  return changed.length > 0 ? placeNotes(doc, changed, origin) : 0
}

/**
 * [L5] Pulls a cluster's notes together: per zone, its first note (in reading order) stays and
 * the others take the free grid slots nearest to it, never on a note outside the cluster.
 * @example placeNotes(doc, gatherLayout(members, others), origin)
 */
export function gatherLayout(
  members: readonly NoteSnapshot[],
  others: readonly NoteSnapshot[],
): Move[] {
  const taken = new Occupancy(others)
  const anchors = new Map<Zone, NoteSnapshot>()
  const moves: Move[] = []
  for (const n of [...members].sort(readingOrder)) {
    const zone = zoneFor(n.category, n.side)
    const anchor = anchors.get(zone) ?? n
    anchors.set(zone, anchor)
    const spot = freeSpot(zone, taken, { x: anchor.x, y: anchor.y })
    taken.add(spot)
    moves.push({ id: n.id, ...spot })
  }
  return moves
}
