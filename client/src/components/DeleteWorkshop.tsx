import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deleteWorkshop } from '../api.js'
import { ConfirmActions } from './ConfirmActions.js'

/** The facilitator's way to erase a workshop, behind a confirmation. */
export function DeleteWorkshop(props: {
  readonly workshopId: string
  readonly title: string
  readonly token: string
  readonly onDeleted: () => void
}) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const erase = async () => {
    setBusy(true)
    setError(null)
    try {
      await deleteWorkshop(props.workshopId, props.token)
      props.onDeleted()
    } catch (err) {
      setError(t('workshop.deleteFailed', { error: err instanceof Error ? err.message : '' }))
      setBusy(false)
    }
  }

  return (
    <section className="card danger-card">
      <h2>{t('workshop.deleteTitle')}</h2>
      <p className="hint">{t('workshop.deleteIntro')}</p>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {t('workshop.deleteButton')}
      </button>
      {confirming && (
        <div className="dialog-backdrop">
          <div
            className="dialog card"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="delete-dialog-title"
            aria-describedby="delete-dialog-text"
          >
            <h2 id="delete-dialog-title">{t('workshop.deleteTitle')}</h2>
            <p id="delete-dialog-text">{t('workshop.deleteConfirm', { title: props.title })}</p>
            <ConfirmActions
              error={error}
              busy={busy}
              cancelLabel={t('workshop.deleteCancel')}
              confirmLabel={busy ? t('workshop.deleting') : t('workshop.deleteYes')}
              onCancel={() => setConfirming(false)}
              onConfirm={() => void erase()}
            />
          </div>
        </div>
      )}
    </section>
  )
}
