import type { NoteId } from './ids.js'
import type { VoteSnapshot } from './votes.js'

/**
 * "Double majority": a solution becomes an agreement only with enough support from each side,
 * counted in dots (`votes`: at least `min` dots from the side) or in people (`percent`: at least
 * `min` % of the side's voters on this board put a dot on it).
 */
export interface DoubleMajority {
  readonly min: number
  readonly unit: 'votes' | 'percent'
}

/** One side's support for a solution: dots, or the percentage of the side's voters; and whether it is enough. */
export interface SideSupport {
  readonly count: number
  readonly met: boolean
}

/** The votes of a board counted once: voters per side, and per note its dots and backers per side. */
export interface SupportTally {
  readonly voters: readonly [number, number]
  readonly notes: ReadonlyMap<
    string,
    { readonly dots: readonly [number, number]; readonly backers: readonly [number, number] }
  >
}

/**
 * Counts a board's votes (those on notes that exist, as `readBoard` gives them) once, so that
 * every note's support is read from it without going over the votes again.
 */
export function tallySupport(votes: readonly VoteSnapshot[]): SupportTally {
  const voters: [Set<string>, Set<string>] = [new Set(), new Set()]
  const notes = new Map<string, { dots: [number, number]; backers: [number, number] }>()
  for (const v of votes) {
    voters[v.side].add(v.participant)
    let n = notes.get(v.noteId)
    if (!n) notes.set(v.noteId, (n = { dots: [0, 0], backers: [0, 0] }))
    n.dots[v.side] += v.count
    // One vote entry per person and note: each is one backer.
    n.backers[v.side]++
  }
  return { voters: [voters[0].size, voters[1].size], notes }
}

/** Each side's support for one note under a double-majority rule, from a tally of the votes. */
export function supportOf(
  tally: SupportTally,
  noteId: string,
  rule: DoubleMajority,
): readonly [SideSupport, SideSupport] {
  const n = tally.notes.get(noteId)
  const side = (s: 0 | 1): SideSupport => {
    const dots = n?.dots[s] ?? 0
    if (rule.unit === 'votes') return { count: dots, met: dots >= rule.min }
    const all = tally.voters[s]
    const backers = n?.backers[s] ?? 0
    const percent = all === 0 ? 0 : Math.floor((backers * 100) / all)
    return { count: percent, met: all > 0 && backers * 100 >= rule.min * all }
  }
  return [side(0), side(1)]
}

/**
 * Each side's support for one note under a double-majority rule, from the board's votes (those
 * on notes that exist, as `readBoard` gives them).
 * @example const [sales, ops] = sideSupport(board.votes, noteId, { min: 2, unit: 'votes' })
 */
export const sideSupport = (
  votes: readonly VoteSnapshot[],
  noteId: NoteId,
  rule: DoubleMajority,
): readonly [SideSupport, SideSupport] => supportOf(tallySupport(votes), noteId, rule)

/** Whether both sides support a note enough under the rule; always true without a rule. */
export const doubleMajorityMet = (
  votes: readonly VoteSnapshot[],
  noteId: NoteId,
  rule: DoubleMajority | null,
): boolean => rule === null || sideSupport(votes, noteId, rule).every((s) => s.met)
