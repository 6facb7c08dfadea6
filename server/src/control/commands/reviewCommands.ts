import type { CommandHandler } from './CommandHandler.js'

export const setReview: CommandHandler<'review:set'> = (state, payload) => {
  const { agreementId, status, chafed } = payload
  if (!state.review.some((r) => r.id === agreementId))
    return { error: 'not-found', field: 'agreementId' }
  const review = state.review.map((r) => (r.id === agreementId ? { ...r, status, chafed } : r))
  return { state: { ...state, review } }
}
