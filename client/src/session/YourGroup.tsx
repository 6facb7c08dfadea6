import { useTranslation } from 'react-i18next'
import type { WorkshopWithLinks } from '../api.js'
import { boardPath, navigate } from '../route.js'

/** A participant's group and a way to its boards, once they are in one. */
export function YourGroup(props: {
  workshop: WorkshopWithLinks
  token: string
  groupId: string
  boardId?: string
}) {
  const { workshop, token, groupId, boardId } = props
  const { t } = useTranslation()
  const group = workshop.groups.find((g) => g.id === groupId)
  if (!group) return null
  const boards = workshop.boards.filter((b) => b.groupId === groupId && b.id !== boardId)
  return (
    <span className="session-your-group" data-testid="session-your-group">
      <span className="hint">{t('session.yourGroup', { name: group.name })}</span>
      {boards.map((b) => (
        <button
          key={b.id}
          type="button"
          className="link"
          onClick={() => navigate(boardPath(workshop.id, b.id, token))}
        >
          {workshop.cases.find((c) => c.id === b.caseId)?.title} →
        </button>
      ))}
    </span>
  )
}
