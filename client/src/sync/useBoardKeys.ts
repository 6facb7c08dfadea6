import { useEffect, useRef } from 'react'

export interface BoardKeyActions {
  readonly canWrite: boolean
  addNote(): void
  undo(): void
  redo(): void
  help(): void
  group(): void
  ungroup(): void
  vote(retract: boolean): void
  agreement(): void
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && !!target.closest('input, textarea, select, [contenteditable]')

/** Page-wide shortcuts: they work wherever focus is, except while typing. */
export function useBoardKeys(actions: BoardKeyActions) {
  const ref = useRef(actions)
  ref.current = actions
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey) return
      const a = ref.current
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      const run = (fn: () => void) => {
        e.preventDefault()
        fn()
      }
      if (e.key === '?') return run(a.help)
      if (!a.canWrite) return
      if (mod && key === 'z') run(e.shiftKey ? a.redo : a.undo)
      else if (mod && key === 'y') run(a.redo)
      else if (mod) return
      else if (key === 'n') run(a.addNote)
      else if (key === 'g') run(e.shiftKey ? a.ungroup : a.group)
      else if (key === 'v') run(() => a.vote(e.shiftKey))
      else if (key === 'a') run(a.agreement)
    }
    addEventListener('keydown', onKey)
    return () => removeEventListener('keydown', onKey)
  }, [])
}
