import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Role, type Links, type RotatedLink } from '@sparboard/protocol'
import { rotateLink } from '../api.js'
import { ConfirmActions } from './ConfirmActions.js'

/** "New link" for one role, behind a confirmation: the old link stops at once ([C15]). */
export function RotateLink(props: {
  readonly workshopId: string
  readonly token: string
  readonly role: keyof Links
  readonly onRotated: (rotated: RotatedLink) => void
}) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const rotate = async () => {
    setBusy(true)
    setError(null)
    try {
      props.onRotated(await rotateLink(props.workshopId, props.role, props.token))
      setConfirming(false)
    } catch (err) {
      setError(t('session.links.failed', { error: err instanceof Error ? err.message : '' }))
    } finally {
      setBusy(false)
    }
  }
  const role = t(`links.${props.role}`)
  if (!confirming)
    return (
      <button
        type="button"
        className="link rotate-link"
        aria-label={t('session.links.rotateFor', { role })}
        onClick={() => setConfirming(true)}
      >
        {t('session.links.rotate')}
      </button>
    )
  return (
    <div
      className="rotate-confirm"
      role="alertdialog"
      aria-label={t('session.links.rotateFor', { role })}
    >
      <p>
        {t(props.role === Role.facilitator ? 'session.links.confirmOwn' : 'session.links.confirm', {
          role,
        })}
      </p>
      <ConfirmActions
        error={error}
        busy={busy}
        cancelLabel={t('session.links.cancel')}
        confirmLabel={t('session.links.yes')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void rotate()}
      />
    </div>
  )
}
