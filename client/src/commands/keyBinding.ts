import type { Bilingual, KeyBinding } from './Command.js'

/** The parts of a key event a binding is matched against. */
export interface KeyPress {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}

/** Whether a key press is this binding. Alt is never part of one (it types characters). */
export function matchesKey(binding: KeyBinding<unknown>, e: KeyPress): boolean {
  if (e.altKey) return false
  if (!!binding.mod !== (e.ctrlKey || e.metaKey)) return false
  if (binding.shift !== undefined && binding.shift !== e.shiftKey) return false
  // Shift makes letters capitals; a binding names the letter.
  return e.key.length === 1 ? e.key.toLowerCase() === binding.key : e.key === binding.key
}

const NAMES: Readonly<Record<string, Bilingual | string>> = {
  ' ': { en: 'Space', nl: 'Spatie' },
  Delete: 'Del',
  Backspace: 'Backspace',
  Escape: 'Esc',
  Enter: 'Enter',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ContextMenu: { en: 'Menu key', nl: 'Menutoets' },
}

/** A binding's keys as people read them: `['Ctrl', 'Shift', 'Z']`. */
export function keyParts(binding: KeyBinding<unknown>, language: keyof Bilingual): string[] {
  const name = NAMES[binding.key] ?? binding.key.toUpperCase()
  return [
    ...(binding.mod ? ['Ctrl'] : []),
    ...(binding.shift ? ['Shift'] : []),
    typeof name === 'string' ? name : name[language],
  ]
}

/** A binding as `aria-keyshortcuts` names it: `Control+Shift+Z`. */
export function ariaKeys(binding: KeyBinding<unknown>): string {
  const key =
    binding.key === ' '
      ? 'Space'
      : binding.key.length === 1
        ? binding.key.toUpperCase()
        : binding.key
  return [...(binding.mod ? ['Control'] : []), ...(binding.shift ? ['Shift'] : []), key].join('+')
}

/** The keys a command is known by: those that are not aliases. */
export const shownKeys = <A>(keys: readonly KeyBinding<A>[] = []) => keys.filter((k) => !k.alias)
