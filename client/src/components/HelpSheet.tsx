import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { shownKeys } from '../commands/keyBinding.js'
import { COMMANDS } from '../commands/registry.js'
import { useCommandText } from '../commands/useCommandText.js'

/** What the pointer does, beside the commands' keys: gesture, then what it does. */
const GESTURES: readonly [string, string][] = [
  ['doubleClick', 'addAt'],
  ['enterEsc', 'finish'],
  ['shiftClick', 'multi'],
  ['drag', 'band'],
  ['doubleClickName', 'rename'],
  ['wheel', 'zoom'],
]

/** Every command with its keys, read from the registry, and the pointer's gestures; opened with `?`. */
export function HelpSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { text, keys } = useCommandText()
  const rows = COMMANDS.filter((c) => shownKeys(c.keys).length > 0)
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="dialog card help-sheet"
        role="dialog"
        aria-modal
        aria-labelledby="help-title"
        data-testid="help-sheet"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => (e.key === 'Escape' || e.key === '?') && onClose()}
      >
        <h2 id="help-title">{t('boardUi.helpSheet.title')}</h2>
        <dl>
          {rows.map((c) => (
            <div key={c.id} className="help-row" data-command={c.id}>
              <dt>
                {shownKeys(c.keys).map((k, i) => (
                  <Fragment key={i}>
                    {i > 0 && ' '}
                    <kbd>{keys(k).join(' + ')}</kbd>
                  </Fragment>
                ))}
              </dt>
              <dd>{text(c.hint ?? c.label)}</dd>
            </div>
          ))}
          {GESTURES.map(([gesture, does]) => (
            <div key={gesture} className="help-row">
              <dt>
                <kbd>{t(`boardUi.helpSheet.${gesture}`)}</kbd>
              </dt>
              <dd>{t(`boardUi.helpSheet.${does}`)}</dd>
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
