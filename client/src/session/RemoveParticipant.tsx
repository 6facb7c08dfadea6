import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Participant } from '@sparboard/protocol'
import { ConfirmActions } from '../components/ConfirmActions.js'
import type { RunCommand } from './useCommand.js'

/** "Remove" for one person, behind a confirmation: their boards close at once ([C16]). */
export function RemoveParticipant({ person, run }: { person: Participant; run: RunCommand }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  if (!confirming)
    return (
      <button type="button" className="link" onClick={() => setConfirming(true)}>
        {t('session.remove', { name: person.name })}
      </button>
    )
  return (
    <div
      className="rotate-confirm remove-confirm"
      role="alertdialog"
      aria-label={t('session.remove', { name: person.name })}
    >
      <p>{t('people.remove.confirm', { name: person.name })}</p>
      <ConfirmActions
        error={null}
        busy={busy}
        cancelLabel={t('people.remove.cancel')}
        confirmLabel={t('people.remove.yes')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setBusy(true)
          void run('participant:remove', { participantId: person.id }).finally(() => {
            setBusy(false)
            setConfirming(false)
          })
        }}
      />
    </div>
  )
}
