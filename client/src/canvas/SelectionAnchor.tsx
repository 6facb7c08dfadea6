import { useLayoutEffect, useState, type ReactNode } from 'react'
import type { NoteSnapshot } from '@sparboard/board-model'
import type { Viewport } from './viewport.js'

const ABOVE = 56
const EDGE = 8

/** Holds its children just above the selected notes (below the top edge), kept on screen. */
export function SelectionAnchor({
  notes,
  view,
  width,
  children,
}: {
  notes: readonly NoteSnapshot[]
  view: Viewport
  width: number
  children: ReactNode
}) {
  const [element, setElement] = useState<HTMLDivElement | null>(null)
  const [ownWidth, setOwnWidth] = useState(0)
  // The tools change width with what the selection allows; keep their right edge on screen.
  useLayoutEffect(() => {
    if (!element) return
    const observer = new ResizeObserver(() => setOwnWidth(element.offsetWidth))
    observer.observe(element)
    return () => observer.disconnect()
  }, [element])
  if (notes.length === 0) return null
  const left = Math.min(...notes.map((n) => n.x)) * view.scale + view.x
  const top = Math.min(...notes.map((n) => n.y)) * view.scale + view.y
  return (
    <div
      ref={setElement}
      className="selection-anchor"
      style={{
        left: Math.max(EDGE, Math.min(left, width - ownWidth - EDGE)),
        top: Math.max(EDGE, top - ABOVE),
      }}
    >
      {children}
    </div>
  )
}
