import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NoteLimits } from '@sparboard/board-model'

/** Asks for a cluster's name, when grouping notes or renaming a cluster. */
export function ClusterNameDialog({
  initial,
  rename,
  onDone,
  onCancel,
}: {
  initial: string
  rename: boolean
  onDone: (name: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState(initial)
  return (
    <div className="dialog-backdrop" onClick={onCancel}>
      <form
        className="dialog card"
        role="dialog"
        aria-labelledby="cluster-title"
        onClick={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault()
          onDone(name.trim())
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h2 id="cluster-title">
          {rename ? t('boardUi.cluster.rename') : t('boardUi.cluster.title')}
        </h2>
        <input
          autoFocus
          maxLength={NoteLimits.maxClusterName}
          value={name}
          aria-label={t('boardUi.cluster.label')}
          placeholder={t('boardUi.cluster.placeholder')}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('boardUi.cluster.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('boardUi.cluster.save')}
          </button>
        </div>
      </form>
    </div>
  )
}
