import * as Y from 'yjs'
import {
  AgreementField,
  agreementsOf,
  ClusterField,
  isCategory,
  isGoalScore,
  isSide,
  NoteLimits,
  clustersOf,
  findAgreementProblems,
  findClusterProblems,
  findGuessProblems,
  findNoteProblems,
  fallbacksOf,
  GuessField,
  guessesOf,
  NoteField,
  notesOf,
  readSigner,
  signerProblem,
  criterionProblem,
  votesOf,
  type BoardProblem,
} from '@sparboard/board-model'
import { Role, type Participant } from '@sparboard/protocol'
import { signerRefusal } from './checkSigners.js'
import type { ContentRule, RoomWrites, Writer } from '../hub/ContentRule.js'
import type { VoteSessions } from './voteRule.js'

type Check = (id: string, entry: unknown) => readonly BoardProblem[]

/**
 * The name a writer must give as the author of a note it creates: a participant's personal
 * token its participant's name; null when any short name will do (the facilitator, who runs the
 * session, and the participant link, which the public contract lets outside tools write with).
 */
function authorOf(writer: Writer, sessions: VoteSessions): string | null {
  if (writer.role !== Role.participant || writer.participantId === null) return null
  const me = sessions
    .viewNow(writer.workshopId)
    ?.participants.find((p) => p.id === writer.participantId)
  return me?.name ?? null
}

/**
 * [H26] The board's schema and limits on every connection's write (`findBoardProblems` of the
 * board model, entry by entry): each note, cluster and agreement a write adds or changes must pass
 * them, and no write changes a note's author. A write that breaks this is undone in the same
 * update (no peer shows it, not even for one transaction) and its connection closed with 4400. A
 * note a participant's personal token creates names that participant as its author: another name
 * is replaced by theirs in the same update (the board page writes the browser's display name,
 * which may differ from the name given at join). And a note's votes go when the note goes, so an
 * id written again starts at zero dots ([H21]).
 */
export function boardRule(sessions: VoteSessions): ContentRule {
  return {
    prepare: (workshopId) => sessions.prepare(workshopId),
    watch(_roomId, doc, writes) {
      const stops = [
        watchEntries(notesOf(doc), noteKind, writes, sessions),
        watchEntries(clustersOf(doc), clusterKind, writes, sessions),
        watchEntries(agreementsOf(doc), agreementKind, writes, sessions),
        watchEntries(guessesOf(doc), guessKind(notesOf(doc)), writes, sessions),
        watchFallbacks(doc, writes),
        watchVotesOfNotes(doc, writes),
      ]
      return () => {
        for (const stop of stops) stop()
      }
    },
  }
}

/** What one kind of entry is checked with: the whole entry, and one value the write set. */
interface Kind {
  readonly check: Check
  /**
   * What the entry may hold as this session stands, for the fields a write set: `before` holds
   * the old values of the fields it changed (null: the write created the entry).
   */
  readonly session?: (
    entry: Y.Map<unknown>,
    before: ReadonlyMap<string, unknown> | null,
    participants: readonly Participant[],
  ) => string | null
  /** Whether a value is one this field may hold on its own (false: the writer's own fault). */
  readonly fieldOk: (field: string | number, value: unknown) => boolean
  readonly textLimit: number
  /** Whether entries name their author (notes, guesses): a participant writes as themselves. */
  readonly authored: boolean
}

const coordinate = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= NoteLimits.maxCoordinate
const short = (v: unknown, max: number) => typeof v === 'string' && v.length <= max
const textWithin = (v: unknown, max: number) => v instanceof Y.Text && v.length <= max
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const isMap = (v: unknown) => v instanceof Y.Map

export const noteKind: Kind = {
  check: findNoteProblems,
  textLimit: NoteLimits.maxTextLength,
  authored: true,
  fieldOk: (field, v) =>
    field === NoteField.category
      ? isCategory(v)
      : field === NoteField.side || field === NoteField.authorSide
        ? isSide(v)
        : field === NoteField.x || field === NoteField.y
          ? coordinate(v)
          : field === NoteField.text
            ? textWithin(v, NoteLimits.maxTextLength)
            : field === NoteField.position
              ? v === true
              : true,
}

export const clusterKind: Kind = {
  check: findClusterProblems,
  textLimit: 0,
  authored: false,
  fieldOk: (field, v) =>
    field === ClusterField.name
      ? short(v, NoteLimits.maxClusterName)
      : field === ClusterField.notes
        ? isMap(v)
        : true,
}

export const agreementKind: Kind = {
  check: findAgreementProblems,
  // An owner and co-signer picked from the participants are participants of this session, as
  // they joined, and of two sides; one the agreement already held may have left since.
  session(entry, before, participants) {
    const signed = [AgreementField.ownedBy, AgreementField.cosigner]
    if (before && !signed.some((f) => before.has(f))) return null
    const was = (f: string) => readSigner(before?.has(f) ? before.get(f) : entry.get(f))
    const refused = signerRefusal(
      participants,
      readSigner(entry.get(AgreementField.ownedBy)),
      readSigner(entry.get(AgreementField.cosigner)),
      before
        ? { ownedBy: was(AgreementField.ownedBy), cosigner: was(AgreementField.cosigner) }
        : undefined,
    )
    return refused && `${refused.field}: ${refused.message}`
  },
  textLimit: NoteLimits.maxAgreementText,
  authored: false,
  fieldOk: (field, v) =>
    field === AgreementField.text
      ? textWithin(v, NoteLimits.maxAgreementText)
      : field === AgreementField.owner || field === AgreementField.author
        ? short(v, NoteLimits.maxOwnerLength)
        : field === AgreementField.due || field === AgreementField.reviewOn
          ? v === '' || (typeof v === 'string' && DATE.test(v))
          : field === AgreementField.createdAt
            ? typeof v === 'number' && Number.isFinite(v)
            : field === AgreementField.solutions || field === AgreementField.goals
              ? isMap(v)
              : field === AgreementField.ownedBy || field === AgreementField.cosigner
                ? signerProblem(v) === null
                : field === AgreementField.criterion
                  ? criterionProblem(v) === null
                  : true,
}

/**
 * [SW1] A guess of the perspective swap: the schema of `findGuessProblems`, and a match must name
 * an interest note of the guessed side on the same board (the link the group makes at reveal).
 */
export const guessKind = (notes: ReturnType<typeof notesOf>): Kind => ({
  check: (id, entry) => findGuessProblems(id, entry, notes),
  textLimit: NoteLimits.maxTextLength,
  authored: true,
  fieldOk: (field, v) =>
    field === GuessField.text
      ? textWithin(v, NoteLimits.maxTextLength)
      : field === GuessField.side || field === GuessField.authorSide
        ? isSide(v)
        : field === GuessField.author
          ? short(v, NoteLimits.maxAuthorLength)
          : field === GuessField.createdAt
            ? typeof v === 'number' && Number.isFinite(v)
            : field === GuessField.match
              ? short(v, 64)
              : true,
})

/**
 * [FB1] The revealed "if we don't agree" cards are the server's to write: a connection's write to
 * them is undone in the same update and refused (4400), so nobody can put words in a side's mouth.
 */
function watchFallbacks(doc: Y.Doc, writes: RoomWrites): () => void {
  const cards = fallbacksOf(doc)
  const observe = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    const write = writes.writerOf(transaction.origin)
    // [H20] the server's own reveal is the one write these cards take
    if (!write || write.writer.server) return
    const changes = [...event.changes.keys]
    writes.undo(() => {
      for (const [key, change] of changes)
        if (change.action === 'add') cards.delete(key)
        else cards.set(key, change.oldValue)
    })
    writes.refuse('fallbacks: only the server reveals them')
  }
  cards.observe(observe)
  return () => cards.unobserve(observe)
}

/**
 * Whether an event of a write inside an entry is wrong on its own, whatever else the board
 * holds: a field set to a value it may never hold, text inserted past the limit in one write, a
 * linked solution or goal that is not `true` or a score. (A change that is fine alone but breaks
 * the entry together with a concurrent one, e.g. two people typing into one note, is not.)
 */
function ownFault(event: Y.YEvent<Y.AbstractType<unknown>>, entry: unknown, kind: Kind): boolean {
  const target = event.target
  if (target instanceof Y.Text) {
    let inserted = 0
    for (const op of event.delta)
      if (op.insert !== undefined) inserted += typeof op.insert === 'string' ? op.insert.length : 1
    return inserted > kind.textLimit
  }
  if (!(target instanceof Y.Map)) return false
  const nested = target !== entry
  for (const [field, change] of event.changes.keys) {
    if (change.action === 'delete') continue
    const value = target.get(field)
    if (!nested && !kind.fieldOk(field, value)) return true
    // Inside an agreement's goals or solutions, or a cluster's members.
    if (nested && event.path[1] === AgreementField.goals && !isGoalScore(value)) return true
    if (nested && event.path[1] !== AgreementField.goals && value !== true) return true
  }
  return false
}

/**
 * Watches one map of entries (notes, clusters or agreements). An entry a write creates must pass
 * the kind's check, or it goes and the write is refused. An entry a write changes and leaves
 * broken gets back what the write changed in it; the write is refused when the change was wrong
 * on its own, or changed a note's author.
 */
function watchEntries(
  map: Y.Map<Y.Map<unknown>>,
  kind: Kind,
  writes: RoomWrites,
  sessions: VoteSessions,
): () => void {
  const { check, authored } = kind
  const observe = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const write = writes.writerOf(transaction.origin)
    if (!write) return
    // Per entry: whether the write put it there whole, and the changes it made inside it.
    const created = new Set<string>()
    const inside = new Map<string, Y.YEvent<Y.AbstractType<unknown>>[]>()
    for (const event of events) {
      if (event.target === map) {
        for (const [key, change] of event.changes.keys)
          if (change.action !== 'delete') created.add(key)
        continue
      }
      const key = event.path[0]
      if (typeof key !== 'string') continue
      inside.set(key, [...(inside.get(key) ?? []), event])
    }
    const author = authored ? authorOf(write.writer, sessions) : null
    const participants = () => sessions.viewNow(write.writer.workshopId)?.participants ?? []
    const problemsOf = (key: string): string | null => {
      const found = check(key, map.get(key))
      return found.length > 0 ? `${found[0]!.field}: ${found[0]!.message}` : null
    }
    /** What the session refuses of the fields this write set in an entry. */
    const sessionProblem = (key: string): string | null => {
      const entry = map.get(key)
      if (!kind.session || !(entry instanceof Y.Map)) return null
      let before: Map<string, unknown> | null = null
      if (!created.has(key)) {
        before = new Map()
        for (const e of inside.get(key) ?? [])
          if (e.target === entry)
            for (const [field, change] of e.changes.keys) before.set(field, change.oldValue)
      }
      return kind.session(entry, before, participants())
    }
    const refused: string[] = []
    const drop: string[] = []
    const repair: string[] = []
    const rename: Y.Map<unknown>[] = []
    for (const key of created) {
      // An entry that is not a map is nothing any reader shows (readNotes, exports skip it): it
      // is left to the size limits, so tools that keep plain values there go on working.
      if (!(map.get(key) instanceof Y.Map)) continue
      const why = problemsOf(key) ?? sessionProblem(key)
      if (why) {
        drop.push(key)
        refused.push(`${key} ${why}`)
      } else if (author !== null && map.get(key)!.get(NoteField.author) !== author)
        rename.push(map.get(key)!)
    }
    for (const [key, changes] of inside) {
      if (created.has(key) || !map.has(key)) continue
      const entry = map.get(key)
      const authorChanged =
        authored && changes.some((e) => e.target === entry && e.changes.keys.has(NoteField.author))
      const why = authorChanged ? 'author: never changes' : problemsOf(key)
      // an owner or co-signer the write set that does not fit is its own fault, whatever else
      const unsigned = sessionProblem(key)
      if (!why && !unsigned) continue
      repair.push(key)
      if (unsigned || authorChanged || changes.some((e) => ownFault(e, entry, kind)))
        refused.push(`${key} ${why ?? unsigned}`)
    }
    if (rename.length > 0)
      writes.undo(() => {
        for (const note of rename) note.set(NoteField.author, author)
      })
    if (refused.length > 0) writes.refuse(refused.join('; '))
    if (drop.length === 0 && repair.length === 0) return
    writes.undo(() => {
      for (const key of drop) map.delete(key)
      // As it was before the write (an entry stored broken before this rule stays as it was).
      for (const key of repair) for (const event of inside.get(key) ?? []) putBack(event)
    })
  }
  map.observeDeep(observe)
  return () => map.unobserveDeep(observe)
}

/** Undoes what one event changed inside an entry: map keys get their old values, inserts go. */
function putBack(event: Y.YEvent<Y.AbstractType<unknown>>): void {
  const target = event.target
  if (target instanceof Y.Map) {
    for (const [key, change] of event.changes.keys) {
      const old = change.oldValue as unknown
      // A Y type that was there cannot come back; the entry is checked again after.
      if (change.action === 'add' || old instanceof Y.AbstractType) target.delete(key)
      else target.set(key, old)
    }
  } else if (target instanceof Y.Text) {
    const inserted: [number, number][] = []
    let index = 0
    for (const op of event.delta) {
      if (op.retain !== undefined) index += op.retain
      else if (op.insert !== undefined) {
        const length = typeof op.insert === 'string' ? op.insert.length : 1
        inserted.push([index, length])
        index += length
      }
    }
    for (const [at, length] of inserted.reverse()) target.delete(at, length)
  }
}

/**
 * [H21] A note's votes go with it, and a note written under an id that had votes starts at zero:
 * dots on a deleted note can never come back by writing its id again.
 */
function watchVotesOfNotes(doc: Y.Doc, writes: RoomWrites): () => void {
  const notes = notesOf(doc)
  const votes = votesOf(doc)
  const observe = (event: Y.YMapEvent<Y.Map<unknown>>, transaction: Y.Transaction) => {
    if (!writes.writerOf(transaction.origin)) return
    const ids = new Set(event.changes.keys.keys())
    if (ids.size === 0 || votes.size === 0) return
    const stale: string[] = []
    votes.forEach((vote, key) => {
      const noteId = (vote as { noteId?: unknown } | null)?.noteId
      if (typeof noteId === 'string' && ids.has(noteId)) stale.push(key)
    })
    if (stale.length > 0)
      writes.undo(() => {
        for (const key of stale) votes.delete(key)
      })
  }
  notes.observe(observe)
  return () => notes.unobserve(observe)
}
