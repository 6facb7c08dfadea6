import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** Asks a newcomer for the name shown on their notes and cursor. */
export function NameDialog({
  onDone,
  sides,
  side,
  onSide,
}: {
  onDone: (name: string) => void
  /** The workshop's two sides: who the newcomer speaks for (kept on their notes and votes). */
  sides?: readonly [string, string]
  side?: 0 | 1
  onSide?: (side: 0 | 1) => void
}) {
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
          if (!name.trim()) return
          // the side shown checked is the side joined, also when the newcomer kept the first
          if (side !== undefined) onSide?.(side)
          onDone(name.trim())
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
        {sides && onSide && (
          <fieldset className="side-choice">
            <legend>{t('boardUi.side')}</legend>
            {sides.map((label, i) => (
              <label key={i}>
                <input
                  type="radio"
                  name="side"
                  checked={side === i}
                  onChange={() => onSide(i as 0 | 1)}
                />
                {label}
              </label>
            ))}
          </fieldset>
        )}
        <button className="primary" type="submit">
          {t('name.join')}
        </button>
      </form>
    </div>
  )
}
