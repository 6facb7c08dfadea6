import { useTranslation } from 'react-i18next'
import type { Commands } from '../commands/bindCommands.js'
import type { AnyCommand } from '../commands/Command.js'
import { TOOLBAR } from '../commands/registry.js'
import { CommandButton } from './CommandButton.js'
import { TidyMenu } from './TidyMenu.js'

/** The floating tool bar under the canvas: the registry's toolbar commands and the votes left. */
export function BoardToolbar({ commands }: { commands: Commands }) {
  const { t } = useTranslation()
  const { canWrite, voting } = commands.ctx
  const buttons = (list: readonly AnyCommand[]) =>
    commands
      .available(list)
      .map((c) => <CommandButton key={c.id} command={c} commands={commands} />)
  const votesLeft = t('boardUi.votesLeft', { left: voting.left, budget: voting.budget })
  return (
    <div className="toolbar" role="toolbar" aria-label={t('board.toolbar')}>
      {buttons(TOOLBAR.edit)}
      <TidyMenu commands={commands} />
      <div className="toolbar-group">{buttons(TOOLBAR.camera)}</div>
      {/* Votes count now ([C14]); outside the voting phase there is no budget to show. */}
      {canWrite && voting.open && (
        <span
          className={`votes-left${voting.left <= 0 ? ' spent' : ''}`}
          data-testid="votes-left"
          data-left={voting.left}
          title={votesLeft}
          aria-label={votesLeft}
        >
          ● {voting.left}/{voting.budget}
        </span>
      )}
      {buttons(TOOLBAR.end)}
    </div>
  )
}
