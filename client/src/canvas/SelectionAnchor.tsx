import type { ReactNode } from 'react'
import type { NoteSnapshot } from '@sparboard/board-model'
import type { Viewport } from './viewport.js'

const ABOVE = 56
const EDGE = 8

/** Holds its children just above the selected notes (below them at the top edge), on screen. */
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
  if (notes.length === 0) return null
  const left = Math.min(...notes.map((n) => n.x)) * view.scale + view.x
  const top = Math.min(...notes.map((n) => n.y)) * view.scale + view.y
  return (
    <div
      className="selection-anchor"
      style={{
        left: Math.max(EDGE, Math.min(left, width - 360)),
        top: top - ABOVE < EDGE ? EDGE : top - ABOVE,
      }}
    >
      {children}
    </div>
  )
}
