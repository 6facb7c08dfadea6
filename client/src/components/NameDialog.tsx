import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** Asks a newcomer for the name shown on their notes and cursor. */
export function NameDialog({ onDone }: { onDone: (name: string) => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog card"
        role="dialog"
        aria-labelledby="name-dialog-title"
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim()) onDone(name.trim())
        }}
      >
        <h2 id="name-dialog-title">{t('name.title')}</h2>
        <p className="hint">{t('name.hint')}</p>
        <input
          autoFocus
          required
          maxLength={60}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-label={t('name.label')}
          placeholder={t('name.placeholder')}
        />
        <button className="primary" type="submit">
          {t('name.join')}
        </button>
      </form>
    </div>
  )
}
