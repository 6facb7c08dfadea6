import type { Commands } from '../commands/bindCommands.js'
import type { AnyCommand } from '../commands/Command.js'
import { ariaKeys, shownKeys } from '../commands/keyBinding.js'
import { useCommandText } from '../commands/useCommandText.js'

/** A button for a command: its icon and label, its key in the tip, greyed out when it cannot run. */
export function CommandButton({ command, commands }: { command: AnyCommand; commands: Commands }) {
  const { text, title } = useCommandText()
  const enabled = commands.isEnabled(command)
  const label = text(command.label)
  const key = shownKeys(command.keys)[0]
  return (
    <button
      type="button"
      className={command.primary ? 'primary' : undefined}
      title={title(command, enabled)}
      {...(command.compact && { 'aria-label': label })}
      {...(key && { 'aria-keyshortcuts': ariaKeys(key) })}
      disabled={!enabled}
      data-command={command.id}
      onClick={() => commands.run(command)}
    >
      {command.compact ? (
        command.icon
      ) : (
        <>
          {command.icon && <>{command.icon} </>}
          {label}
        </>
      )}
    </button>
  )
}
