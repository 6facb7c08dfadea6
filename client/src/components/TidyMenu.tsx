import { useEffect, useRef, useState } from 'react'
import { TIDY_GROUPINGS, type TidyGrouping } from '@sparboard/board-model'
import type { Commands } from '../commands/bindCommands.js'
import { ariaKeys, shownKeys } from '../commands/keyBinding.js'
import { GROUPING_LABELS, tidyBoard, tidyGrouping, tidyZone } from '../commands/tidy.js'
import { useCommandText } from '../commands/useCommandText.js'
import { strokeIcon } from '../commands/strokeIcon.js'
import './contextMenu.css'

const TEXTS = {
  tidy: { en: 'Tidy', nl: 'Opruimen' },
  groupBy: { en: 'Group the notes', nl: 'Notities groeperen' },
} as const

const tidyIcon = strokeIcon('M2 2h5v5H2z M9 2h5v5H9z M2 9h5v5H2z M9 9h5v5H9z')

/**
 * [L4] The toolbar's tidy button: a small menu to pick how notes are grouped (by cluster, side or
 * votes) and to tidy the zone in view or the whole board; T and Shift+T tidy as last picked.
 */
export function TidyMenu({ commands }: { commands: Commands }) {
  const { text, keys, title } = useCommandText()
  const [open, setOpen] = useState(false)
  const [by, setBy] = useState<TidyGrouping>(tidyGrouping.get)
  const box = useRef<HTMLSpanElement>(null)

  useEffect(() => {
    if (!open) return
    const outside = (e: Event) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false)
    }
    addEventListener('pointerdown', outside, true)
    return () => removeEventListener('pointerdown', outside, true)
  }, [open])

  if (!commands.applies(tidyZone)) return null
  const pick = (next: TidyGrouping) => {
    setBy(next)
    tidyGrouping.set(next)
  }
  const run = (command: typeof tidyZone) => {
    setOpen(false)
    commands.run(command, by)
  }
  return (
    <span
      className="tidy-menu"
      ref={box}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return
        e.stopPropagation()
        setOpen(false)
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-haspopup="menu"
        data-command="tidy"
        title={text(TEXTS.tidy)}
        disabled={!commands.isEnabled(tidyZone)}
        onClick={() => setOpen((o) => !o)}
      >
        {tidyIcon} {text(TEXTS.tidy)} ▾
      </button>
      {open && (
        <div className="tidy-popover context-menu" role="menu" data-testid="tidy-menu">
          <fieldset className="tidy-grouping">
            <legend>{text(TEXTS.groupBy)}</legend>
            {TIDY_GROUPINGS.map((g) => (
              <label key={g}>
                <input
                  type="radio"
                  name="tidy-grouping"
                  value={g}
                  checked={by === g}
                  onChange={() => pick(g)}
                />{' '}
                {text(GROUPING_LABELS[g])}
              </label>
            ))}
          </fieldset>
          {[tidyZone, tidyBoard].map((c) => {
            const key = shownKeys(c.keys)[0]
            return (
              <button
                key={c.id}
                type="button"
                role="menuitem"
                data-command={c.id}
                disabled={!commands.isEnabled(c)}
                title={title(c)}
                {...(key && { 'aria-keyshortcuts': ariaKeys(key) })}
                onClick={() => run(c)}
              >
                <span className="context-menu-icon" aria-hidden>
                  {tidyIcon}
                </span>
                <span>{text(c.label)}</span>
                {key && (
                  <kbd className="context-menu-key" aria-hidden>
                    {keys(key).join('+')}
                  </kbd>
                )}
              </button>
            )
          })}
        </div>
      )}
    </span>
  )
}
