import { useTranslation } from 'react-i18next'
import type { Commands } from '../commands/bindCommands.js'
import { SELECTION_TOOLS } from '../commands/registry.js'
import { CommandButton } from './CommandButton.js'

/** What can be done with the selected notes; the canvas shows it just above them. */
export function SelectionTools({ commands }: { commands: Commands }) {
  const { t } = useTranslation()
  const count = commands.ctx.selected.size
  return (
    <div
      className="selection-tools"
      role="toolbar"
      aria-label={t('boardUi.selected', { count })}
      data-testid="selection-tools"
    >
      <span className="toolbar-count">{t('boardUi.selected', { count })}</span>
      {commands.available(SELECTION_TOOLS).map((c) => (
        <CommandButton key={c.id} command={c} commands={commands} />
      ))}
    </div>
  )
}
