import { createHash } from 'node:crypto'
import { z } from 'zod'
import type {
  RecurringAgreement,
  RecurringFriction,
  RecurringFrictions,
  RecurringNote,
  ReviewStatus,
} from '@sparboard/protocol'
import { applyDecisions, groupSimilar, type GroupDecision } from '@sparboard/recurring'
import { readWorkshopState, type ExportedWorkshop, type WorkshopState } from './collectWorkshop.js'

/** What the recurring frictions of a workshop are computed from, besides the workshop itself. */
export interface RecurringInput {
  /** The workshop's method has the option on. */
  readonly enabled: boolean
  /** The earlier sessions of its series, oldest first, boards encoded (no participants). */
  readonly earlier: readonly WorkshopState[]
  /** The facilitator's merges and splits, of the earlier sessions and this one, in order. */
  readonly decisions: readonly GroupDecision[]
  /** The series goes back further than was read. */
  readonly truncated: boolean
}

/** A decision as stored: one the grouping understands, or nothing (a row that cannot be read). */
const StoredDecision = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merge'), keys: z.array(z.string()) }),
  z.object({ kind: z.literal('split'), key: z.string() }),
])

/** The decisions of stored rows that can be read, in order. */
export const readDecisions = (rows: readonly unknown[]): GroupDecision[] =>
  rows.flatMap((row) => {
    const parsed = StoredDecision.safeParse(row)
    return parsed.success ? [parsed.data] : []
  })

/**
 * A note's key: the same for the same note in every answer and session, and no board or note id
 * (the series history gives no ids of earlier sessions, [C21]; neither does this).
 */
const noteKey = (boardId: string, noteId: string) =>
  createHash('sha256').update(`${boardId}/${noteId}`).digest('base64url').slice(0, 16)

interface FoundNote extends RecurringNote {
  readonly boardId: string
  /** Oldest session first, then board order, then the board's order. */
  readonly order: number
}

/**
 * Groups the friction notes of a workshop and of the earlier sessions of its series by their words
 * (`@sparboard/recurring`), applies the facilitator's merges and splits, and keeps what came up in
 * more than one group or session, each with the agreements of the boards it came up on and
 * whether they held. O(n²) in the notes: it runs in an export worker, never on the event loop.
 */
export function recurringFrictions(
  current: ExportedWorkshop,
  input: RecurringInput,
): RecurringFrictions {
  const sessions = [...input.earlier.map(readWorkshopState), current]
  const base = {
    enabled: input.enabled,
    groupCount: current.workshop.groups.length,
    sessionCount: sessions.length,
    decisions: input.decisions.length,
  }
  if (!input.enabled) return { ...base, frictions: [], truncated: false }
  const notes: FoundNote[] = []
  const agreements = new Map<string, RecurringAgreement[]>()
  // [C11] a later session's review names the agreement by its id: ids are random, so one map
  const verdicts = new Map<string, ReviewStatus | null>()
  for (const s of sessions)
    for (const b of s.boards) for (const r of b.review) verdicts.set(r.id, r.status)
  for (const s of sessions) {
    for (const b of s.boards) {
      const where = { session: s.session, caseTitle: b.caseTitle, groupName: b.groupName }
      for (const n of b.board.notes) {
        if (n.category !== 'friction' || n.text.trim() === '') continue
        const key = noteKey(b.id, n.id)
        notes.push({ key, text: n.text, ...where, boardId: b.id, order: notes.length })
      }
      agreements.set(
        b.id,
        b.board.agreements.map((a) => ({
          text: a.text,
          owner: a.owner,
          due: a.due,
          ...where,
          verdict: verdicts.get(a.id) ?? null,
        })),
      )
    }
  }
  // The newest sessions first, so past the limit the oldest notes are the ones left out.
  const newestFirst = [...notes].sort((a, b) => b.session - a.session || a.order - b.order)
  const { groups, truncated } = groupSimilar(newestFirst)
  const byKey = new Map(notes.map((n) => [n.key, n]))
  const frictions: RecurringFriction[] = []
  for (const keys of applyDecisions(groups, input.decisions)) {
    const found = keys.flatMap((k) => byKey.get(k) ?? []).sort((a, b) => a.order - b.order)
    const groupNames = new Set(found.map((n) => n.groupName))
    const sessionNumbers = new Set(found.map((n) => n.session))
    if (groupNames.size < 2 && sessionNumbers.size < 2) continue
    const boards = [...new Set(found.map((n) => n.boardId))]
    frictions.push({
      id: found[0]!.key,
      notes: found.map(({ boardId: _b, order: _o, ...note }) => note),
      groups: groupNames.size,
      sessions: sessionNumbers.size,
      agreements: boards.flatMap((id) => agreements.get(id) ?? []),
    })
  }
  frictions.sort(
    (a, b) => b.groups - a.groups || b.sessions - a.sessions || b.notes.length - a.notes.length,
  )
  return { ...base, frictions, truncated: truncated || input.truncated }
}
