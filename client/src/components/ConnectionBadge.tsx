import { useTranslation } from 'react-i18next'
import type { ConnectionStatus } from '../sync/useBoardDoc.js'

/** Always-visible connection state: online, reconnecting, offline (edits kept), or refused. */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation()
  return (
    <span
      className={`connection connection-${status}`}
      role="status"
      data-testid="connection"
      data-status={status}
    >
      <span className="connection-dot" aria-hidden />
      {status === 'offline' ? t('boardUi.offline') : t(`connection.${status}`)}
    </span>
  )
}
