import type { TFunction } from 'i18next'
import type { WorkshopView } from '@sparboard/protocol'

/** "Rush order · group 2": how the session UI names a board. */
export function boardLabel(t: TFunction, workshop: WorkshopView, boardId: string): string {
  const board = workshop.boards.find((b) => b.id === boardId)
  const boardCase = workshop.cases.find((c) => c.id === board?.caseId)
  const group = workshop.groups.find((g) => g.id === board?.groupId)
  return t('session.board', { case: boardCase?.title ?? '?', group: group?.name ?? '?' })
}
