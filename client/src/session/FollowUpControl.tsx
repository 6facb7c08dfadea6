import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CreatedFollowUp } from '@sparboard/protocol'
import { LinksPanel } from '../components/LinksPanel.js'
import { navigate, workshopPath } from '../route.js'
import { startFollowUp } from './startFollowUp.js'

/** Starts the next session of the series and hands out its links. */
export function FollowUpControl({ workshopId, token }: { workshopId: string; token: string }) {
  const { t } = useTranslation()
  const [created, setCreated] = useState<CreatedFollowUp | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <div className="session-section">
      <h3>{t('session.followUp.title')}</h3>
      {created ? (
        <>
          <p className="hint">{t('session.followUp.created', { count: created.review })}</p>
          <LinksPanel links={created.links} />
          <button
            type="button"
            className="primary"
            onClick={() => navigate(workshopPath(created.id, created.tokens.facilitator))}
          >
            {t('session.followUp.open')}
          </button>
        </>
      ) : (
        <>
          <p className="hint">{t('session.followUp.hint')}</p>
          <button
            type="button"
            disabled={busy}
            onClick={async () => {
              setBusy(true)
              setError(null)
              try {
                setCreated(await startFollowUp(workshopId, token))
              } catch (err) {
                setError(err instanceof Error ? err.message : String(err))
              } finally {
                setBusy(false)
              }
            }}
          >
            {t('session.followUp.start')}
          </button>
          {error && (
            <p className="error" role="alert">
              {t('session.panel.refused', { error })}
            </p>
          )}
        </>
      )}
    </div>
  )
}
