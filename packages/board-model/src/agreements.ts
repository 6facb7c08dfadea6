import * as Y from 'yjs'
import { diffText } from './editNoteText.js'
import { isGoalScore, type GoalScore } from './Category.js'
import { asAgreementId, asNoteId, type AgreementId, type NoteId } from './ids.js'
import { NoteLimits } from './limits.js'
import type { BoardOrigin } from './origins.js'
import { AgreementField, agreementsOf } from './schema.js'
import {
  cosignerProblem,
  criterionProblem,
  readCriterion,
  readSigner,
  signerProblem,
  type Criterion,
  type Signer,
} from './signers.js'

/** A solution the group commits to, with an owner, a due date and its strategy check. */
export interface AgreementSnapshot {
  readonly id: AgreementId
  readonly text: string
  /** The owner's name: the participant's as they signed, or the free text of older boards. */
  readonly owner: string
  /** The accountable owner picked from the participants; null on older boards (free text). */
  readonly ownedBy: Signer | null
  /** The co-signer from the other side, or null. */
  readonly cosigner: Signer | null
  /** How it is checked, or null when nobody said. */
  readonly criterion: Criterion | null
  /** When it is reviewed: `YYYY-MM-DD`, or ''. */
  readonly reviewOn: string
  /** `YYYY-MM-DD`, or '' when not set. */
  readonly due: string
  readonly author: string
  /** Milliseconds since the epoch, as passed in by the caller. */
  readonly createdAt: number
  readonly solutionIds: readonly NoteId[]
  /** Linked goals (indexes into the workshop's goals) and how the agreement scores on each. */
  readonly goals: Readonly<Record<number, GoalScore>>
}

/** What an agreement is made from; `createdAt` comes from the caller's clock. */
export interface AgreementInput {
  readonly text: string
  /** Free text (older boards, or checkable agreements switched off); `ownedBy` names it otherwise. */
  readonly owner: string
  readonly ownedBy?: Signer | null
  readonly cosigner?: Signer | null
  readonly criterion?: Criterion | null
  readonly reviewOn?: string
  readonly due: string
  readonly author: string
  readonly createdAt: number
  readonly solutionIds: readonly NoteId[]
  /** How the agreement scores on each goal; a goal left out or null is not linked. */
  readonly goals: Readonly<Record<number, GoalScore | null>>
}

/** Thrown by agreement writes given invalid input, naming the field; the document is untouched. */
export class InvalidAgreementError extends Error {
  constructor(
    readonly field: keyof AgreementInput,
    message: string,
  ) {
    super(`invalid agreement ${field}: ${message}`)
    this.name = 'InvalidAgreementError'
  }
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** The linked goals only: a score of null unlinks a goal. */
const linked = (goals: Readonly<Record<number, GoalScore | null>> = {}) =>
  Object.fromEntries(Object.entries(goals).filter(([, s]) => s !== null)) as Record<
    number,
    GoalScore
  >

/**
 * Throws what is wrong with an agreement's fields; `now` is the owner and co-signer the agreement
 * holds before a patch, so that the two are checked together.
 */
function check(
  input: Partial<AgreementInput>,
  now: { ownedBy: Signer | null; cosigner: Signer | null } = { ownedBy: null, cosigner: null },
) {
  const fail = (message: string, field: keyof AgreementInput = 'text'): never => {
    throw new InvalidAgreementError(field, message)
  }
  if (input.text !== undefined && input.text.length > NoteLimits.maxAgreementText)
    fail('agreement text too long')
  if (input.owner !== undefined && input.owner.length > NoteLimits.maxOwnerLength)
    fail('owner too long', 'owner')
  if (input.due !== undefined && input.due !== '' && !DATE.test(input.due))
    fail('due must be YYYY-MM-DD', 'due')
  if (input.reviewOn !== undefined && input.reviewOn !== '' && !DATE.test(input.reviewOn))
    fail('reviewOn must be YYYY-MM-DD', 'reviewOn')
  const signer = signerProblem(input.ownedBy)
  if (signer) fail(signer, 'ownedBy')
  const cosigner = signerProblem(input.cosigner)
  if (cosigner) fail(cosigner, 'cosigner')
  const criterion = criterionProblem(input.criterion)
  if (criterion) fail(criterion, 'criterion')
  const pair = cosignerProblem(
    input.ownedBy === undefined ? now.ownedBy : input.ownedBy,
    input.cosigner === undefined ? now.cosigner : input.cosigner,
  )
  if (pair) fail(pair, 'cosigner')
  if (input.createdAt !== undefined && !Number.isFinite(input.createdAt)) fail('bad createdAt', 'createdAt')
  for (const [goal, score] of Object.entries(input.goals ?? {})) {
    if (!Number.isInteger(Number(goal)) || Number(goal) < 0) fail('goal must be an index', 'goals')
    if (!isGoalScore(score)) fail('unknown goal score', 'goals')
  }
}

/**
 * Records an agreement in one transaction.
 * @example addAgreement(doc, asAgreementId(uuid()), { text, owner: 'Bram', due: '2026-12-01', author, createdAt: Date.now(), solutionIds: [id], goals: { 0: 'supports' } }, origin)
 */
export function addAgreement(
  doc: Y.Doc,
  id: AgreementId,
  input: AgreementInput,
  origin: BoardOrigin,
): void {
  const scores = linked(input.goals)
  check({ ...input, goals: scores })
  doc.transact(() => {
    const a = new Y.Map<unknown>()
    a.set(AgreementField.text, new Y.Text(input.text))
    a.set(AgreementField.owner, input.ownedBy?.name ?? input.owner)
    a.set(AgreementField.due, input.due)
    setChecks(a, input)
    a.set(AgreementField.author, input.author)
    a.set(AgreementField.createdAt, input.createdAt)
    const solutions = new Y.Map<boolean>()
    for (const n of input.solutionIds) solutions.set(n, true)
    a.set(AgreementField.solutions, solutions)
    const goals = new Y.Map<GoalScore>()
    for (const [g, s] of Object.entries(scores)) goals.set(g, s)
    a.set(AgreementField.goals, goals)
    agreementsOf(doc).set(id, a)
  }, origin)
}

/** The fields of a checkable agreement that a write sets (undefined: left as it is). */
function setChecks(a: Y.Map<unknown>, input: Partial<AgreementInput>) {
  const plain = <T extends object>(v: T | null) => (v === null ? null : { ...v })
  if (input.ownedBy !== undefined) a.set(AgreementField.ownedBy, plain(input.ownedBy))
  if (input.cosigner !== undefined) a.set(AgreementField.cosigner, plain(input.cosigner))
  if (input.criterion !== undefined) a.set(AgreementField.criterion, plain(input.criterion))
  if (input.reviewOn !== undefined) a.set(AgreementField.reviewOn, input.reviewOn)
}

/**
 * What can change on an agreement; a goal set to null is unlinked. An owner picked from the
 * participants (`ownedBy`) names the owner; null there goes back to the free-text `owner`.
 */
export interface AgreementPatch {
  readonly text?: string
  readonly owner?: string
  readonly ownedBy?: Signer | null
  readonly cosigner?: Signer | null
  readonly criterion?: Criterion | null
  readonly reviewOn?: string
  readonly due?: string
  readonly goals?: Readonly<Record<number, GoalScore | null>>
  readonly linkSolutions?: readonly NoteId[]
  readonly unlinkSolutions?: readonly NoteId[]
}

/** Changes an agreement in one transaction; text is rewritten as one splice so typing merges. */
export function updateAgreement(
  doc: Y.Doc,
  id: AgreementId,
  patch: AgreementPatch,
  origin: BoardOrigin,
): boolean {
  const a = agreementsOf(doc).get(id)
  if (!a) return false
  check(
    { ...patch, goals: linked(patch.goals) },
    {
      ownedBy: readSigner(a.get(AgreementField.ownedBy)),
      cosigner: readSigner(a.get(AgreementField.cosigner)),
    },
  )
  doc.transact(() => {
    const text = a.get(AgreementField.text)
    if (patch.text !== undefined && text instanceof Y.Text && text.toString() !== patch.text) {
      const splice = diffText(text.toString(), patch.text)
      text.delete(splice.index, splice.remove)
      text.insert(splice.index, splice.insert)
    }
    const owner = patch.ownedBy ? patch.ownedBy.name : patch.owner
    if (owner !== undefined) a.set(AgreementField.owner, owner)
    if (patch.due !== undefined) a.set(AgreementField.due, patch.due)
    setChecks(a, patch)
    const goals = a.get(AgreementField.goals)
    if (goals instanceof Y.Map) {
      for (const [g, s] of Object.entries(patch.goals ?? {})) {
        if (s === null) goals.delete(g)
        else goals.set(g, s)
      }
    }
    const solutions = a.get(AgreementField.solutions)
    if (solutions instanceof Y.Map) {
      for (const n of patch.linkSolutions ?? []) solutions.set(n, true)
      for (const n of patch.unlinkSolutions ?? []) solutions.delete(n)
    }
  }, origin)
  return true
}

/** Removes an agreement. */
export function deleteAgreement(doc: Y.Doc, id: AgreementId, origin: BoardOrigin): boolean {
  if (!agreementsOf(doc).has(id)) return false
  doc.transact(() => agreementsOf(doc).delete(id), origin)
  return true
}

/** Every agreement, oldest first (ties by id). */
export function readAgreements(doc: Y.Doc): readonly AgreementSnapshot[] {
  const out: AgreementSnapshot[] = []
  agreementsOf(doc).forEach((a, id) => {
    if (!(a instanceof Y.Map)) return
    const str = (k: string) => {
      const v = a.get(k)
      return typeof v === 'string' ? v : v instanceof Y.Text ? v.toString() : ''
    }
    const solutions = a.get(AgreementField.solutions)
    const goals = a.get(AgreementField.goals)
    const scores: Record<number, GoalScore> = {}
    if (goals instanceof Y.Map)
      goals.forEach((s, g) => {
        if (isGoalScore(s)) scores[Number(g)] = s
      })
    const createdAt = a.get(AgreementField.createdAt)
    const ownedBy = readSigner(a.get(AgreementField.ownedBy))
    out.push(
      Object.freeze({
        id: asAgreementId(id),
        text: str(AgreementField.text),
        // the name as signed: a participant renamed or removed since still reads right
        owner: ownedBy?.name ?? str(AgreementField.owner),
        ownedBy,
        cosigner: readSigner(a.get(AgreementField.cosigner)),
        criterion: readCriterion(a.get(AgreementField.criterion)),
        reviewOn: str(AgreementField.reviewOn),
        due: str(AgreementField.due),
        author: str(AgreementField.author),
        createdAt: typeof createdAt === 'number' ? createdAt : 0,
        solutionIds: Object.freeze(
          solutions instanceof Y.Map ? [...solutions.keys()].sort().map(asNoteId) : [],
        ),
        goals: Object.freeze(scores),
      }),
    )
  })
  out.sort((x, y) => x.createdAt - y.createdAt || x.id.localeCompare(y.id))
  return Object.freeze(out)
}

/**
 * The agreement each solution became, by the solution's id: the oldest where several name the
 * same solution. What marks a note as an agreement on the canvas and in exports.
 * @example agreementBySolution(readAgreements(doc)).get(noteId)?.owner
 */
export function agreementBySolution(
  agreements: readonly AgreementSnapshot[],
): ReadonlyMap<NoteId, AgreementSnapshot> {
  const out = new Map<NoteId, AgreementSnapshot>()
  for (const a of agreements) for (const id of a.solutionIds) if (!out.has(id)) out.set(id, a)
  return out
}
