import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setMethod, type WorkshopWithLinks } from '../api.js'

/**
 * The facilitator's switch for checkable agreements on this workshop (on by default). A board
 * opened after the switch shows the agreement form it asks for.
 */
export function MethodOptions({ workshop, token }: { workshop: WorkshopWithLinks; token: string }) {
  const { t } = useTranslation()
  const [checkable, setCheckable] = useState(workshop.method.checkableAgreements)
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="session-section">
      <label className="method-option" title={t('session.method.checkableHint')}>
        <input
          type="checkbox"
          checked={checkable}
          data-testid="method-checkable"
          onChange={(e) => {
            const next = e.target.checked
            setCheckable(next)
            setError(null)
            setMethod(workshop.id, token, { checkableAgreements: next }).then(
              (method) => setCheckable(method.checkableAgreements),
              (err: unknown) => {
                setCheckable(!next)
                setError(err instanceof Error ? err.message : String(err))
              },
            )
          }}
        />
        <span>
          {t('session.method.checkable')}
          <span className="hint"> · {t('session.method.checkableHint')}</span>
        </span>
      </label>
      {error && (
        <p className="error" role="alert">
          {t('session.panel.refused', { error })}
        </p>
      )}
    </div>
  )
}
