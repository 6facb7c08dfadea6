import type { NoteSnapshot } from '@sparboard/board-model'
import { AGREEMENT_MARKER } from '@sparboard/board-scene'
import { VOTE_BADGE } from './lod.js'

/** A part of a note that answers the pointer by itself: its vote badge, its agreement marker. */
export type NoteSpot = 'votes' | 'agreement'

// A little slack around each: they are small targets.
const SLACK = 4

/** The spot of a note a world point is on, of the spots the note shows; null off them. */
export function spotAt(
  note: Pick<NoteSnapshot, 'x' | 'y'>,
  wx: number,
  wy: number,
  shows: { readonly votes: boolean; readonly agreement: boolean },
): NoteSpot | null {
  const x = wx - note.x
  const y = wy - note.y
  if (shows.votes && Math.hypot(x - VOTE_BADGE.x, y - VOTE_BADGE.y) <= VOTE_BADGE.r + SLACK)
    return 'votes'
  const m = AGREEMENT_MARKER
  const inMarker = (v: number, start: number) => v >= start - SLACK && v <= start + m.size + SLACK
  if (shows.agreement && inMarker(x, m.x) && inMarker(y, m.y)) return 'agreement'
  return null
}

/** Where a spot's tip hangs, relative to the note: centred just below the spot. */
export function spotTipAnchor(spot: NoteSpot): { x: number; y: number } {
  return spot === 'votes'
    ? { x: VOTE_BADGE.x, y: VOTE_BADGE.y + VOTE_BADGE.r }
    : {
        x: AGREEMENT_MARKER.x + AGREEMENT_MARKER.size / 2,
        y: AGREEMENT_MARKER.y + AGREEMENT_MARKER.size,
      }
}
