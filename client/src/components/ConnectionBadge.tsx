import { useTranslation } from 'react-i18next'
import type { ConnectionStatus } from '../sync/useBoardDoc.js'

/** Always-visible connection state: online, reconnecting, or refused. */
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
      {t(`connection.${status}`)}
    </span>
  )
}
