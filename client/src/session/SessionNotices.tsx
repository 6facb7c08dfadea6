import { useTranslation } from 'react-i18next'
import type { SessionView } from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import { boardPath, navigate } from '../route.js'
import { dismissBroadcast, useBroadcastDismissed } from './dismissedBroadcasts.js'
import { boardLabel } from './boardLabel.js'

/** The facilitator's latest message, the spotlight, and whether this board is locked. */
export function SessionNotices({
  workshop,
  token,
  state,
  boardId,
}: {
  workshop: WorkshopWithLinks
  token: string
  state: SessionView
  boardId?: string
}) {
  const { t } = useTranslation()
  // dismissed stays dismissed for this person: on every board, after a reload
  const dismissed = useBroadcastDismissed(workshop.id, state.broadcast)
  const message = dismissed ? null : state.broadcast
  const spotlight = state.spotlight
  const locked = boardId !== undefined && state.lockedBoards.includes(boardId)
  return (
    <>
      {message && (
        <div className="session-notice session-message" role="status" data-testid="session-message">
          <strong>{t('session.message')}:</strong> {message.text}
          <button
            type="button"
            className="link"
            onClick={() => dismissBroadcast(workshop.id, message)}
          >
            {t('session.dismiss')}
          </button>
        </div>
      )}
      {spotlight && (
        <div className="session-notice" data-testid="session-spotlight">
          {t('session.spotlight', { board: boardLabel(t, workshop, spotlight) })}
          {spotlight !== boardId && (
            <button
              type="button"
              className="link"
              onClick={() => navigate(boardPath(workshop.id, spotlight, token))}
            >
              {t('session.goToSpotlight')}
            </button>
          )}
        </div>
      )}
      {locked && (
        <div className="session-notice session-locked" data-testid="session-locked">
          🔒 {t('session.locked')}
        </div>
      )}
    </>
  )
}
