import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Commands } from '../commands/bindCommands.js'
import type { AnyCommand } from '../commands/Command.js'
import { ariaKeys, shownKeys } from '../commands/keyBinding.js'
import { CONTEXT_MENU } from '../commands/registry.js'
import { useCommandText } from '../commands/useCommandText.js'
import './contextMenu.css'

const EDGE = 8

type Point = { readonly x: number; readonly y: number }

/**
 * The registry's context menu for the selection, at a point of the window: what applies,
 * greyed out what cannot run now. Arrow keys, Home and End move, Enter runs, Escape closes;
 * focus goes back where it was.
 */
export function ContextMenu({
  commands,
  at,
  onClose,
}: {
  commands: Commands
  at: Point
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { text, keys, title } = useCommandText()
  const items = commands.available(CONTEXT_MENU)
  const menu = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState(at)
  const [opener] = useState(() => document.activeElement)
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  const close = () => {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true })
    onClose()
  }
  const buttons = () => [
    ...(menu.current?.querySelectorAll<HTMLButtonElement>('button:enabled') ?? []),
  ]

  // Kept inside what is on screen (on a phone, a page wider than the screen scrolls under it);
  // the first item that can run takes focus.
  useLayoutEffect(() => {
    const el = menu.current
    if (!el) return
    const screen = visualViewport ?? {
      offsetLeft: 0,
      offsetTop: 0,
      width: innerWidth,
      height: innerHeight,
    }
    const within = (v: number, start: number, room: number, size: number) =>
      Math.max(start + EDGE, Math.min(v, start + room - size - EDGE))
    setPlace({
      x: within(at.x, screen.offsetLeft, screen.width, el.offsetWidth),
      y: within(at.y, screen.offsetTop, screen.height, el.offsetHeight),
    })
    buttons()[0]?.focus({ preventScroll: true })
  }, [at])

  useEffect(() => {
    const outside = (e: Event) => {
      if (!menu.current?.contains(e.target as Node)) onCloseRef.current()
    }
    addEventListener('pointerdown', outside, true)
    addEventListener('resize', outside)
    return () => {
      removeEventListener('pointerdown', outside, true)
      removeEventListener('resize', outside)
    }
  }, [])

  // Nothing left to offer (the notes went, say): the menu goes too, and does not come back later.
  const empty = items.length === 0
  useEffect(() => {
    if (empty) onCloseRef.current()
  }, [empty])

  const onKeyDown = (e: KeyboardEvent) => {
    const list = buttons()
    const i = list.indexOf(document.activeElement as HTMLButtonElement)
    const go = (j: number) => list[(j + list.length) % list.length]?.focus()
    if (e.key === 'ArrowDown') go(i + 1)
    else if (e.key === 'ArrowUp') go(i < 0 ? -1 : i - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(-1)
    else if (e.key === 'Escape' || e.key === 'Tab') close()
    else return
    e.preventDefault()
  }

  const run = (command: AnyCommand) => {
    close()
    commands.run(command)
  }

  if (items.length === 0) return null
  const count = commands.ctx.selected.size
  return (
    <div
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label={t('boardUi.menu', { count })}
      data-testid="context-menu"
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((c) => {
        const enabled = commands.isEnabled(c)
        const key = shownKeys(c.keys)[0]
        return (
          <button
            key={c.id}
            type="button"
            role="menuitem"
            tabIndex={-1}
            disabled={!enabled}
            title={title(c, enabled)}
            data-command={c.id}
            {...(key && { 'aria-keyshortcuts': ariaKeys(key) })}
            onClick={() => run(c)}
          >
            <span className="context-menu-icon" aria-hidden>
              {c.icon}
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
  )
}
