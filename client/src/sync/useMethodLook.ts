import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { doubleMajorityRule, type WorkshopMethod } from '@sparboard/protocol'
import { methodTags, type MethodLabels, type NoteTag } from '@sparboard/board-scene'
import type { LinkSnapshot } from '@sparboard/board-model'
import type { BoardView } from './useBoardView.js'

/** What the method adds to the board's look: tags per note and the links drawn, as exports show them. */
export interface MethodMarks {
  readonly tags: ReadonlyMap<string, readonly NoteTag[]>
  /** The links drawn; none when neither option that makes them is on. */
  readonly links: readonly LinkSnapshot[]
  readonly labels: MethodLabels
}

/**
 * [G1] [G2] [G3] The tags the workshop's method puts on notes (one-sided, position, each side's
 * support) in the page's language, and the links to draw; derived again only when they can change.
 */
export function useMethodLook(
  method: WorkshopMethod,
  view: Pick<BoardView, 'board'>,
  sides: readonly [string, string],
): MethodMarks {
  const { t } = useTranslation()
  const { notes, links, votes } = view.board
  const labels = useMemo(
    () => ({ oneSided: t('gain.oneSided'), position: t('gain.position'), sides }),
    [t, sides],
  )
  const look = useMemo(
    () => ({
      bothSidesGain: method.bothSidesGain,
      positions: method.positions,
      doubleMajority: doubleMajorityRule(method),
    }),
    [method],
  )
  const tags = useMemo(
    () => methodTags({ notes, links, votes }, look, labels),
    [notes, links, votes, look, labels],
  )
  const shown = useMemo(() => {
    const positions = new Set(notes.filter((n) => n.position).map((n) => n.id))
    return links.filter((l) => (positions.has(l.from) ? method.positions : method.bothSidesGain))
  }, [links, notes, method.positions, method.bothSidesGain])
  return { tags, links: shown, labels }
}
