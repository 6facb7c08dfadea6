import { NoteLimits } from './limits.js'

/** Which side a signer was on when they signed: one of the workshop's two sides, or neither. */
export type SignerSide = 0 | 1 | 'other'

/**
 * A participant who signs an agreement, as they were when they signed: the id says who it is,
 * the name and side are kept so a renamed or removed participant still reads right.
 */
export interface Signer {
  readonly id: string
  readonly name: string
  readonly side: SignerSide
}

/**
 * How an agreement is checked: what is measured, the target, and where it is read, e.g.
 * `{ measure: 'on-time-in-full', target: '>= 95 %', source: 'weekly planning report' }`.
 */
export interface Criterion {
  readonly measure: string
  readonly target: string
  readonly source: string
}

/** Limits of a signer and a criterion (characters). */
export const SignerLimits = {
  maxSignerId: 64,
  maxMeasure: 200,
  maxTarget: 120,
  maxSource: 200,
} as const

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const isSignerSide = (v: unknown): v is SignerSide => v === 0 || v === 1 || v === 'other'

/** A stored signer, or null when the value is none (absent, null, or not a signer). */
export function readSigner(v: unknown): Signer | null {
  if (!isRecord(v)) return null
  const { id, name, side } = v
  if (typeof id !== 'string' || typeof name !== 'string' || !isSignerSide(side)) return null
  return Object.freeze({ id, name, side })
}

/** A stored criterion, or null when there is none. */
export function readCriterion(v: unknown): Criterion | null {
  if (!isRecord(v)) return null
  const { measure, target, source } = v
  if (typeof measure !== 'string' || typeof target !== 'string' || typeof source !== 'string')
    return null
  return Object.freeze({ measure, target, source })
}

/** Why a stored signer is wrong, or null: absent and null are fine (no signer). */
export function signerProblem(v: unknown): string | null {
  if (v === undefined || v === null) return null
  const s = readSigner(v)
  if (!s) return 'a signer is { id, name, side }'
  if (s.id.length === 0 || s.id.length > SignerLimits.maxSignerId)
    return 'signer id 1-64 characters'
  if (s.name.trim().length === 0 || s.name.length > NoteLimits.maxOwnerLength)
    return 'signer name 1-80 characters'
  return null
}

/** Why a stored criterion is wrong, or null: absent and null are fine (no criterion). */
export function criterionProblem(v: unknown): string | null {
  if (v === undefined || v === null) return null
  const c = readCriterion(v)
  if (!c) return 'a criterion is { measure, target, source }'
  if (c.measure.length > SignerLimits.maxMeasure) return 'measure too long'
  if (c.target.length > SignerLimits.maxTarget) return 'target too long'
  if (c.source.length > SignerLimits.maxSource) return 'source too long'
  return null
}

/**
 * Why an owner and co-signer cannot sign together, or null: a co-signer needs an owner picked
 * from the participants, is someone else, and is of one of the two sides, not the owner's.
 */
export function cosignerProblem(owner: Signer | null, cosigner: Signer | null): string | null {
  if (!cosigner) return null
  if (!owner) return 'a co-signer needs an owner picked from the participants'
  if (cosigner.id === owner.id) return 'the co-signer is not the owner'
  if (cosigner.side === 'other') return 'the co-signer is of one of the two sides'
  if (cosigner.side === owner.side) return "the co-signer is of the other side than the owner's"
  return null
}

/** Whether a criterion says anything (what is measured or the target). */
export const hasCriterion = (c: Criterion | null): c is Criterion =>
  c !== null && (c.measure.trim() !== '' || c.target.trim() !== '')
