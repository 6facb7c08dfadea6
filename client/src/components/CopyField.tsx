import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** A read-only link with a copy button. */
export function CopyField({
  label,
  hint,
  value,
  onCopied,
}: {
  label: string
  hint: string
  value: string
  /** Told when the link was copied (button or keyboard). */
  onCopied?: () => void
}) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    await navigator.clipboard?.writeText(value).catch(() => undefined)
    setCopied(true)
    onCopied?.()
    setTimeout(() => setCopied(false), 1500)
  }
  return (
    <div className="copy-field">
      <div className="copy-field-label">
        <strong>{label}</strong> <span className="hint">{hint}</span>
      </div>
      <div className="copy-field-row">
        <input
          readOnly
          value={value}
          aria-label={label}
          onFocus={(e) => e.currentTarget.select()}
          onCopy={onCopied}
        />
        <button type="button" onClick={() => void copy()}>
          {copied ? t('links.copied') : t('links.copy')}
        </button>
      </div>
    </div>
  )
}
