import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Camera } from '../canvas/useCamera.js'
import { isTyping } from '../commands/isTyping.js'
import { plenarySteps, type PlenaryStep } from './plenarySteps.js'

export interface Plenary {
  /** The step shown, or null outside plenary mode. */
  readonly step: PlenaryStep | null
  readonly index: number
  readonly count: number
  toggle(): void
  go(delta: number): void
  end(): void
}

/**
 * [C37] Plenary mode on the board page: `P` enters and leaves it, PageDown and PageUp step zone
 * by zone (see plenarySteps), Escape leaves. Keys that belong to a text field are left alone.
 */
export function usePlenary(camera: Camera, enabled: boolean): Plenary {
  const { width, height, setView } = camera
  const steps = useMemo(() => plenarySteps(width, height), [width, height])
  const [index, setIndex] = useState<number | null>(null)
  const at = index === null ? null : Math.min(index, steps.length - 1)
  const step = at === null || at < 0 ? null : (steps[at] ?? null)
  useEffect(() => {
    if (step) setView(step.view)
  }, [step, setView])
  const toggle = useCallback(() => setIndex((i) => (i === null ? 0 : null)), [])
  const end = useCallback(() => setIndex(null), [])
  const go = useCallback(
    (delta: number) =>
      setIndex((i) => (i === null ? i : Math.max(0, Math.min(steps.length - 1, i + delta)))),
    [steps.length],
  )
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return
      if (e.key === 'p' || e.key === 'P') toggle()
      else if (index === null) return
      else if (e.key === 'PageDown') go(1)
      else if (e.key === 'PageUp') go(-1)
      else if (e.key === 'Escape') end()
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled, index, toggle, go, end])
  return { step, index: at ?? 0, count: steps.length, toggle, go, end }
}
