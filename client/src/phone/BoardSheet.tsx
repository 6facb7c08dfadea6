import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * [M2] On a narrow screen the side panel (case, goals, outline) is a bottom sheet: a handle under
 * the board, which opens the panel over the lower part of the board. Wide, the panel is as it was.
 * `children` gets a function that closes the sheet (after "show on the board", say).
 */
export function BoardSheet({
  narrow,
  count,
  children,
}: {
  narrow: boolean
  /** How many notes the outline lists: on the handle. */
  count: number
  children: (close: () => void) => ReactNode
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const close = () => setOpen(false)
  if (!narrow) return children(close)
  return (
    <section
      className={open ? 'board-sheet open' : 'board-sheet'}
      aria-label={t('phone.sheetTitle')}
      data-testid="board-sheet"
    >
      <button
        type="button"
        className="board-sheet-handle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden>{open ? '▾' : '▴'}</span> {t('phone.sheet')} ({count})
      </button>
      {open && <div className="board-sheet-body">{children(close)}</div>}
    </section>
  )
}
