import * as Y from 'yjs'
import { isCategory, isGoalScore, isSide } from './Category.js'
import { NoteLimits } from './limits.js'
import { cosignerProblem, criterionProblem, readSigner, signerProblem } from './signers.js'
import {
  AgreementField,
  agreementsOf,
  ClusterField,
  clustersOf,
  NoteField,
  notesOf,
} from './schema.js'

/** One note, cluster or agreement that breaks the schema, as a server or a test can report it. */
export interface BoardProblem {
  /** The note's, cluster's or agreement's id. */
  readonly noteId: string
  readonly field: string
  readonly message: string
}

const finite = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= NoteLimits.maxCoordinate
const shortString = (v: unknown, max: number) => typeof v === 'string' && v.length <= max
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

type Fail = (field: string, message: string) => void

/**
 * The problems of one note as the model would refuse to write it: a bad category, a side on the
 * wrong category, coordinates that are not finite or off the board, oversize text or author.
 * @example if (findNoteProblems(id, notesOf(doc).get(id)).length > 0) refuse()
 */
export function findNoteProblems(noteId: string, note: unknown): readonly BoardProblem[] {
  const out: BoardProblem[] = []
  const fail: Fail = (field, message) => out.push({ noteId, field, message })
  if (!(note instanceof Y.Map)) {
    fail('note', 'a note must be a map')
    return out
  }
  const category = note.get(NoteField.category)
  if (!isCategory(category)) fail('category', 'unknown category')
  const side = note.get(NoteField.side)
  if (category === 'interest' && !isSide(side)) fail('side', 'an interest needs side 0 or 1')
  if (category !== 'interest' && side !== undefined) fail('side', 'only interests have a side')
  if (!finite(note.get(NoteField.x))) fail('x', 'x must be a finite coordinate')
  if (!finite(note.get(NoteField.y))) fail('y', 'y must be a finite coordinate')
  const text = note.get(NoteField.text)
  if (!(text instanceof Y.Text)) fail('text', 'text must be a Y.Text')
  else if (text.length > NoteLimits.maxTextLength) fail('text', 'text is too long')
  const author = note.get(NoteField.author)
  // Notes of schema v1 may lack an author; one that is there is a short string.
  if (author !== undefined && !shortString(author, NoteLimits.maxAuthorLength))
    fail('author', 'author must be a short string')
  const authorSide = note.get(NoteField.authorSide)
  if (authorSide !== undefined && !isSide(authorSide))
    fail('authorSide', 'authorSide must be 0 or 1')
  const position = note.get(NoteField.position)
  if (position !== undefined && position !== true) fail('position', 'position is true or absent')
  return out
}

/** The problems of one cluster: a name past its limit, members that are not a map of `true`. */
export function findClusterProblems(clusterId: string, cluster: unknown): readonly BoardProblem[] {
  const out: BoardProblem[] = []
  const fail: Fail = (field, message) => out.push({ noteId: clusterId, field, message })
  if (!(cluster instanceof Y.Map)) {
    fail('cluster', 'a cluster must be a map')
    return out
  }
  if (!shortString(cluster.get(ClusterField.name), NoteLimits.maxClusterName))
    fail('name', 'cluster name must be a short string')
  const members = cluster.get(ClusterField.notes)
  if (!(members instanceof Y.Map)) fail('notes', 'members must be a map')
  else if ([...members.values()].some((v) => v !== true)) fail('notes', 'members map to true')
  return out
}

/** The problems of one agreement: text, owner or author past their limits, a bad date or score. */
export function findAgreementProblems(
  agreementId: string,
  agreement: unknown,
): readonly BoardProblem[] {
  const out: BoardProblem[] = []
  const fail: Fail = (field, message) => out.push({ noteId: agreementId, field, message })
  if (!(agreement instanceof Y.Map)) {
    fail('agreement', 'an agreement must be a map')
    return out
  }
  const text = agreement.get(AgreementField.text)
  if (!(text instanceof Y.Text)) fail('text', 'text must be a Y.Text')
  else if (text.length > NoteLimits.maxAgreementText) fail('text', 'text is too long')
  if (!shortString(agreement.get(AgreementField.owner), NoteLimits.maxOwnerLength))
    fail('owner', 'owner must be a short string')
  if (!shortString(agreement.get(AgreementField.author), NoteLimits.maxAuthorLength))
    fail('author', 'author must be a short string')
  const due = agreement.get(AgreementField.due)
  if (due !== '' && !(typeof due === 'string' && DATE.test(due))) fail('due', 'due is YYYY-MM-DD')
  // Checkable agreements: absent on older boards and where the workshop does not use them.
  const reviewOn = agreement.get(AgreementField.reviewOn)
  if (
    reviewOn !== undefined &&
    reviewOn !== '' &&
    !(typeof reviewOn === 'string' && DATE.test(reviewOn))
  )
    fail('reviewOn', 'reviewOn is YYYY-MM-DD')
  const ownedBy = agreement.get(AgreementField.ownedBy)
  const cosigner = agreement.get(AgreementField.cosigner)
  const signer = signerProblem(ownedBy)
  if (signer) fail('ownedBy', signer)
  const cosigned =
    signerProblem(cosigner) ?? cosignerProblem(readSigner(ownedBy), readSigner(cosigner))
  if (cosigned) fail('cosigner', cosigned)
  const criterion = criterionProblem(agreement.get(AgreementField.criterion))
  if (criterion) fail('criterion', criterion)
  const createdAt = agreement.get(AgreementField.createdAt)
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt))
    fail('createdAt', 'createdAt must be a finite number')
  const solutions = agreement.get(AgreementField.solutions)
  if (!(solutions instanceof Y.Map)) fail('solutions', 'solutions must be a map')
  else if ([...solutions.values()].some((v) => v !== true))
    fail('solutions', 'solutions map to true')
  const goals = agreement.get(AgreementField.goals)
  if (!(goals instanceof Y.Map)) fail('goals', 'goals must be a map')
  else
    goals.forEach((score, goal) => {
      if (!/^\d{1,3}$/.test(goal) || !isGoalScore(score)) fail('goals', 'unknown goal or score')
    })
  return out
}

/**
 * Every note, cluster and agreement in a document that the model would refuse to write: a bad
 * category, a side on the wrong category, non-finite coordinates, oversize text, a cluster or
 * agreement past its limits. The server's content rule checks each one a write touches ([H26]).
 * @example if (findBoardProblems(scratch).length > before) refuse(update)
 */
export function findBoardProblems(doc: Y.Doc): readonly BoardProblem[] {
  const out: BoardProblem[] = []
  notesOf(doc).forEach((note, id) => out.push(...findNoteProblems(id, note)))
  clustersOf(doc).forEach((cluster, id) => out.push(...findClusterProblems(id, cluster)))
  agreementsOf(doc).forEach((a, id) => out.push(...findAgreementProblems(id, a)))
  return out
}
