import type { TFunction } from 'i18next'
import type { VoteTally } from '@sparboard/board-model'

/**
 * A note's votes as the outline and the canvas badge say them: "3 votes: Sales 2, Operations 1
 * (yours: 1)", split by side in the same words as the exports (the method compares what each
 * side values); '' for a note without votes.
 */
export function voteSummary(
  t: TFunction,
  sides: readonly [string, string],
  tally: VoteTally | undefined,
): string {
  if (!tally || tally.total === 0) return ''
  const split = t('boardUi.votesBySide', {
    votes: t('boardUi.outline.votes', { count: tally.total }),
    firstSide: sides[0],
    first: tally.bySide[0],
    secondSide: sides[1],
    second: tally.bySide[1],
  })
  return tally.mine > 0 ? `${split} (${t('boardUi.outline.mine', { count: tally.mine })})` : split
}
