import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NoteLimits, type NoteSnapshot } from '@sparboard/board-model'
import './gain.css'

/** [G3] A position's "why does this matter to you?": the answer becomes an interest beneath it. */
export function WhyDialog({
  position,
  sides,
  onDone,
  onCancel,
}: {
  position: NoteSnapshot
  sides: readonly [string, string]
  onDone: (text: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const submit = () => (text.trim() ? onDone(text.trim()) : onCancel())
  return (
    <div className="dialog-backdrop" onClick={onCancel}>
      <form
        className="dialog card gain-dialog"
        role="dialog"
        aria-labelledby="why-title"
        data-testid="why-dialog"
        onClick={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h2 id="why-title">{t('gain.why.title')}</h2>
        <p className="hint">
          {t('gain.why.intro', { text: position.text, side: sides[position.side ?? 0] })}
        </p>
        <textarea
          autoFocus
          rows={3}
          maxLength={NoteLimits.maxTextLength}
          aria-label={t('gain.why.label')}
          placeholder={t('gain.why.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault()
              submit()
            }
          }}
        />
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('gain.why.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('gain.why.add')}
          </button>
        </div>
      </form>
    </div>
  )
}
