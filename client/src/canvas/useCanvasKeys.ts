import { useEffect, useRef } from 'react'
import type { BoardCanvasHandle } from './BoardCanvas.js'

export interface CanvasKeyActions {
  /** False while a note is being edited: keys then belong to the editor. */
  readonly active: boolean
  readonly api: BoardCanvasHandle
  copy(): void
  paste(): void
  selectAll(): void
  clear(): void
  edit(): void
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  !!target.closest('input, textarea, select, [contenteditable], dialog')

const ARROWS: Record<string, readonly [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
}

/** The canvas' keyboard shortcuts (listed in the help sheet). */
export function useCanvasKeys(actions: CanvasKeyActions) {
  const ref = useRef(actions)
  ref.current = actions
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = ref.current
      if (!a.active || isTyping(e.target)) return
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      const run = (fn: () => void) => {
        e.preventDefault()
        fn()
      }
      if (e.key === 'Delete' || e.key === 'Backspace') run(a.api.deleteSelected)
      else if (mod && key === 'd') run(a.api.duplicateSelected)
      else if (mod && key === 'c') a.copy()
      else if (mod && key === 'v') run(a.paste)
      else if (mod && key === 'a') run(a.selectAll)
      else if (e.key === 'Escape') a.clear()
      else if (e.key === 'Enter') {
        // Enter on a focused button or link activates it, as keyboard users expect.
        if (!(e.target instanceof Element && e.target.closest('button, a, [role=button]')))
          run(a.edit)
      } else if (mod) return
      else if (e.key === '+' || e.key === '=') run(() => a.api.zoomBy(1.25))
      else if (e.key === '-') run(() => a.api.zoomBy(0.8))
      else if (e.key === '0' || (e.shiftKey && e.key === '!')) run(a.api.zoomToFit)
      else if (e.key in ARROWS) {
        const [dx, dy] = ARROWS[e.key]!
        const step = e.shiftKey ? 100 : 10
        run(() => a.api.nudge(dx * step, dy * step))
      }
    }
    addEventListener('keydown', onKey)
    return () => removeEventListener('keydown', onKey)
  }, [])
}
