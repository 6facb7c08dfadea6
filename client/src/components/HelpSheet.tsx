import { useTranslation } from 'react-i18next'

const ROWS: readonly [string, string][] = [
  ['N', 'addNote'],
  ['doubleClick', 'addAt'],
  ['Enter', 'edit'],
  ['Enter / Esc', 'finish'],
  ['Shift + click', 'multi'],
  ['drag', 'band'],
  ['Ctrl + A', 'selectAll'],
  ['Del', 'delete'],
  ['← ↑ → ↓', 'nudge'],
  ['Ctrl + D', 'duplicate'],
  ['Ctrl + C, Ctrl + V', 'copyPaste'],
  ['Ctrl + Z, Ctrl + Shift + Z', 'undoRedo'],
  ['G', 'group'],
  ['Shift + G', 'ungroup'],
  ['doubleClickName', 'rename'],
  ['V', 'vote'],
  ['A', 'agreement'],
  ['space', 'pan'],
  ['wheel', 'zoom'],
  ['0', 'fit'],
  ['?', 'help'],
]

/** The list of keyboard shortcuts, opened with `?`. */
export function HelpSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  // Some "keys" are gestures, named in the user's language.
  const key = (k: string) =>
    ['doubleClick', 'doubleClickName', 'drag', 'space', 'wheel'].includes(k)
      ? t(`boardUi.helpSheet.${k}`)
      : k
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="dialog card help-sheet"
        role="dialog"
        aria-modal
        aria-labelledby="help-title"
        data-testid="help-sheet"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="help-title">{t('boardUi.helpSheet.title')}</h2>
        <dl>
          {ROWS.map(([k, label]) => (
            <div key={label} className="help-row">
              <dt>
                <kbd>{key(k)}</kbd>
              </dt>
              <dd>{t(`boardUi.helpSheet.${label}`)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" autoFocus onClick={onClose}>
          {t('boardUi.helpSheet.close')}
        </button>
      </div>
    </div>
  )
}
