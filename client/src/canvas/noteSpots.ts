import { NOTE_SIZE, type NoteSnapshot } from '@sparboard/board-model'
import { AGREEMENT_MARKER, votePill } from '@sparboard/board-scene'

/** A part of a note that answers the pointer by itself: its vote pill, its agreement marker. */
export type NoteSpot = 'votes' | 'agreement'

// A little slack around each: they are small targets.
const SLACK = 4

const within = (v: number, start: number, size: number) =>
  v >= start - SLACK && v <= start + size + SLACK

/**
 * The spot of a note a world point is on, of the spots the note shows; null off them. `height`
 * is the note's as drawn (taller when it shows its whole text).
 */
export function spotAt(
  note: Pick<NoteSnapshot, 'x' | 'y'>,
  wx: number,
  wy: number,
  shows: { readonly votes: boolean; readonly agreement: boolean },
  height: number = NOTE_SIZE.height,
): NoteSpot | null {
  const x = wx - note.x
  const y = wy - note.y
  const pill = votePill(shows.agreement, height)
  if (shows.votes && within(x, pill.x, pill.width) && within(y, pill.y, pill.height)) return 'votes'
  const m = AGREEMENT_MARKER
  const my = m.y + height - NOTE_SIZE.height
  if (shows.agreement && within(x, m.x, m.size) && within(y, my, m.size)) return 'agreement'
  return null
}

/** Where a spot's tip hangs, relative to the note: centred just below the spot. */
export function spotTipAnchor(
  spot: NoteSpot,
  agreed = false,
  height: number = NOTE_SIZE.height,
): { x: number; y: number } {
  const pill = votePill(agreed, height)
  return spot === 'votes'
    ? { x: pill.x + pill.width / 2, y: pill.y + pill.height }
    : {
        x: AGREEMENT_MARKER.x + AGREEMENT_MARKER.size / 2,
        y: AGREEMENT_MARKER.y + AGREEMENT_MARKER.size + height - NOTE_SIZE.height,
      }
}
