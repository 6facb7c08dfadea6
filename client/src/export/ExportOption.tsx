import type { ReactNode } from 'react'

/** A ticked-or-not option of an export ("Header and legend"), its whole row the target. */
export function ExportOption({
  checked,
  onChange,
  className = '',
  children,
}: {
  readonly checked: boolean
  readonly onChange: (checked: boolean) => void
  readonly className?: string
  readonly children: ReactNode
}) {
  return (
    <label className={`export-names ${className}`.trim()}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
      {children}
    </label>
  )
}
