import {
  REVIEW_HISTORY_LIMIT,
  type AgreementTerms,
  type ReviewEntry,
  type ReviewItem,
  type ReviewStatus,
  type SessionView,
} from '@sparboard/protocol'
import { signerRefusal } from '../checkSigners.js'
import type { CommandHandler } from './CommandHandler.js'

const withEntry = (item: ReviewItem, entry: ReviewEntry): readonly ReviewEntry[] =>
  [...item.history, entry].slice(-REVIEW_HISTORY_LIMIT)

/**
 * The new terms a verdict carries, or why not: `renegotiated` needs them (an owner and co-signer
 * among this session's participants, of two sides); any other status carries none.
 */
function termsOf(
  state: SessionView,
  status: ReviewStatus | null,
  terms: AgreementTerms | null | undefined,
): { terms: AgreementTerms | null } | { error: 'invalid'; field: string } {
  if (status !== 'renegotiated') return { terms: null }
  if (!terms) return { error: 'invalid', field: 'terms' }
  const refused = signerRefusal(state.participants, terms.ownedBy, terms.cosigner)
  if (refused) return { error: 'invalid', field: `terms.${refused.field}` }
  return { terms: terms.ownedBy ? { ...terms, owner: terms.ownedBy.name } : terms }
}

/**
 * [C26] The facilitator's final verdict; recorded in the item's history. With `renegotiated`,
 * its new terms become the agreement's for the next session.
 */
export const setReview: CommandHandler<'review:set'> = (state, payload, ctx) => {
  const { agreementId, status, chafed } = payload
  if (!state.review.some((r) => r.id === agreementId))
    return { error: 'not-found', field: 'agreementId' }
  const checked = termsOf(state, status, payload.terms)
  if ('error' in checked) return checked
  const entry: ReviewEntry = {
    kind: 'verdict',
    by: 'facilitator',
    name: '',
    status,
    chafed,
    terms: checked.terms,
    at: ctx.now,
  }
  const review = state.review.map((r) =>
    r.id === agreementId
      ? {
          ...r,
          status,
          chafed,
          newTerms: checked.terms,
          decidedAt: ctx.now,
          history: withEntry(r, entry),
        }
      : r,
  )
  return { state: { ...state, review } }
}

/**
 * [C26] A participant's proposal: recorded with who gave it, the verdict itself unchanged. Only
 * someone who joined (this connection speaks for them) can propose.
 */
export const proposeReview: CommandHandler<'review:propose'> = (state, payload, ctx) => {
  const { agreementId, status, chafed } = payload
  const me = state.participants.find((p) => p.id === ctx.participantId)
  if (!me) return { error: 'conflict', field: 'participantId' }
  if (!state.review.some((r) => r.id === agreementId))
    return { error: 'not-found', field: 'agreementId' }
  const checked = termsOf(state, status, payload.terms)
  if ('error' in checked) return checked
  const entry: ReviewEntry = {
    kind: 'proposal',
    by: me.id,
    name: me.name,
    status,
    chafed,
    terms: checked.terms,
    at: ctx.now,
  }
  const review = state.review.map((r) =>
    r.id === agreementId ? { ...r, history: withEntry(r, entry) } : r,
  )
  return { state: { ...state, review } }
}
