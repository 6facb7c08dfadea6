import type * as Y from 'yjs'
import { isSide, type Side } from './Category.js'
import type { ParticipantId } from './ids.js'
import { notesOf, votesOf } from './schema.js'

/** What one writer may do to the votes right now (the server's rule, [H21]). */
export interface VoteRights {
  /** Whose dots they cast and take back; null: nobody's (they may not touch votes). */
  readonly participant: ParticipantId | null
  /** The side their dots carry; null: either side (they declared neither). */
  readonly side: Side | null
  /** Whether votes may be cast and taken back now ([C14]). */
  readonly open: boolean
  /** Their dots on notes that exist may not grow past this. */
  readonly budget: number
}

/** One changed key of the votes map, as Yjs reports it (`event.changes.keys`). */
export interface VoteKeyChange {
  readonly key: string
  readonly action: 'add' | 'update' | 'delete'
  readonly oldValue: unknown
}

interface StoredVote {
  readonly noteId: string
  readonly participant: string
  readonly side: Side
  readonly count: number
}

const FIELDS = ['count', 'noteId', 'participant', 'side'].join()

/** A vote entry exactly as `castVote` writes it, under its own key; null for anything else. */
function storedVote(key: string, value: unknown): StoredVote | null {
  if (
    value === null ||
    typeof value !== 'object' ||
    Object.getPrototypeOf(value) !== Object.prototype
  )
    return null
  const v = value as Record<string, unknown>
  if (Object.keys(v).sort().join() !== FIELDS) return null
  const { noteId, participant, side, count } = v
  if (typeof noteId !== 'string' || typeof participant !== 'string' || !isSide(side)) return null
  if (!Number.isInteger(count) || (count as number) <= 0) return null
  if (key !== `${participant}/${noteId}`) return null
  return { noteId, participant, side, count: count as number }
}

/**
 * The changed keys of one write that its writer had no right to make, given the document after
 * it: someone else's dots, any change while voting is closed, an entry not shaped like a vote, a
 * side other than theirs, dots on a note that does not exist, or dots past their budget (then
 * every key that added dots is refused). Putting those keys back as they were undoes exactly that.
 * @example for (const key of refusedVoteChanges(doc, changes, rights)) restore(key)
 */
export function refusedVoteChanges(
  doc: Y.Doc,
  changes: readonly VoteKeyChange[],
  rights: VoteRights,
): readonly string[] {
  const me = rights.participant
  if (me === null || !rights.open) return changes.map((c) => c.key)
  const notes = notesOf(doc)
  const votes = votesOf(doc)
  const refused = new Set<string>()
  const adding: string[] = []
  for (const change of changes) {
    if (!change.key.startsWith(`${me}/`)) {
      refused.add(change.key)
      continue
    }
    if (change.action === 'delete') continue
    const now = storedVote(change.key, votes.get(change.key))
    if (!now || now.participant !== me) {
      refused.add(change.key)
      continue
    }
    const before = storedVote(change.key, change.oldValue)
    const grows = now.count > (before?.count ?? 0)
    const sideChanged = before === null || before.side !== now.side
    if ((grows || sideChanged) && rights.side !== null && now.side !== rights.side)
      refused.add(change.key)
    else if (grows && !notes.has(now.noteId)) refused.add(change.key)
    else if (grows) adding.push(change.key)
  }
  if (adding.length > 0) {
    // Dots on notes that exist, with the refused keys put back, against with none of the write.
    const old = new Map(changes.map((c) => [c.key, c.oldValue]))
    const keys = new Set([...votes.keys(), ...old.keys()])
    const used = (putBack: (key: string) => boolean) => {
      let sum = 0
      for (const key of keys) {
        const v = storedVote(key, putBack(key) ? old.get(key) : votes.get(key))
        if (v?.participant === me && notes.has(v.noteId)) sum += v.count
      }
      return sum
    }
    const after = used((key) => refused.has(key))
    const before = used((key) => old.has(key))
    if (after > rights.budget && after > before) for (const key of adding) refused.add(key)
  }
  return [...refused]
}
