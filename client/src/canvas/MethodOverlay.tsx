import { useRef, useState, type PointerEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import {
  linkFits,
  NOTE_SIZE,
  type LinkSnapshot,
  type NoteId,
  type NoteSnapshot,
} from '@sparboard/board-model'
import type { SpatialIndex } from './SpatialIndex.js'
import type { NoteBox } from './useCanvasPointer.js'
import { toWorld, type Viewport } from './viewport.js'

const HANDLE = 28
/** A press that moves less than this is a click: it opens the list instead. */
const SLOP = 6

/**
 * [G1] The connector handle on the one selected solution: drag it onto an interest to link the
 * two; a click (or Enter) opens the list of interests instead, which is what keyboards use.
 */
export function LinkHandle({
  solution,
  view,
  index,
  container,
  onLink,
  onOpenList,
}: {
  solution: NoteSnapshot
  view: Viewport
  index: SpatialIndex<NoteBox>
  container: RefObject<HTMLDivElement | null>
  onLink: (interest: NoteId) => void
  onOpenList: () => void
}) {
  const { t } = useTranslation()
  const [drag, setDrag] = useState<{ x: number; y: number; target: NoteId | null } | null>(null)
  const start = useRef<{ x: number; y: number } | null>(null)
  const moved = useRef(false)
  const left = view.x + (solution.x + NOTE_SIZE.width) * view.scale
  const top = view.y + (solution.y + NOTE_SIZE.height / 2) * view.scale
  const local = (e: PointerEvent) => {
    const r = container.current!.getBoundingClientRect()
    return { x: e.clientX - r.left, y: e.clientY - r.top }
  }
  const targetAt = (p: { x: number; y: number }): NoteId | null => {
    const w = toWorld(view, p.x, p.y)
    const hit = index.at(w.x, w.y)?.note
    return hit && linkFits(solution, hit) ? hit.id : null
  }
  return (
    <>
      <button
        type="button"
        className="link-handle"
        data-testid="link-handle"
        style={{ left: left - HANDLE / 2, top: top - HANDLE / 2 }}
        aria-label={t('gain.link.title')}
        title={t('gain.link.title')}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId)
          start.current = local(e)
          moved.current = false
        }}
        onPointerMove={(e) => {
          if (!start.current) return
          const p = local(e)
          if (!moved.current && Math.hypot(p.x - start.current.x, p.y - start.current.y) < SLOP)
            return
          moved.current = true
          setDrag({ ...p, target: targetAt(p) })
        }}
        onPointerUp={(e) => {
          const target = moved.current ? targetAt(local(e)) : null
          start.current = null
          setDrag(null)
          if (target) onLink(target)
        }}
        onPointerCancel={() => {
          start.current = null
          setDrag(null)
        }}
        onClick={() => {
          // A drag ends in a click too; only a press that stayed put opens the list.
          if (!moved.current) onOpenList()
          moved.current = false
        }}
      >
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden>
          <circle cx="4" cy="7" r="2.5" fill="currentColor" />
          <path
            d="M6.5 7h6M10 4.5 12.5 7 10 9.5"
            stroke="currentColor"
            strokeWidth="1.6"
            fill="none"
          />
        </svg>
      </button>
      {drag && (
        <svg className="link-drag" aria-hidden>
          <line
            x1={left}
            y1={top}
            x2={drag.x}
            y2={drag.y}
            stroke={drag.target ? '#2b8a3e' : '#5b6b7b'}
            strokeWidth="3"
            strokeDasharray={drag.target ? undefined : '6 5'}
            strokeLinecap="round"
          />
        </svg>
      )}
    </>
  )
}

/**
 * [G3] The board's question on every position with no interest beneath it yet: "why does this
 * matter to you?", a small prompt under the note that opens the answer.
 */
export function WhyPrompts({
  notes,
  links,
  view,
  width,
  height,
  onAsk,
}: {
  notes: readonly NoteSnapshot[]
  links: readonly LinkSnapshot[]
  view: Viewport
  width: number
  height: number
  onAsk: (id: NoteId) => void
}) {
  const { t } = useTranslation()
  const answered = new Set(links.map((l) => l.from))
  // Zoomed far out the prompt would cover the board; it comes back when notes are readable.
  if (view.scale < 0.35) return null
  return notes
    .filter((n) => n.position && !answered.has(n.id))
    .map((n) => {
      const left = view.x + n.x * view.scale
      const top = view.y + (n.y + NOTE_SIZE.height) * view.scale + 4
      if (left > width || top > height || left + 200 < 0 || top < 0) return null
      return (
        <button
          key={n.id}
          type="button"
          className="why-prompt"
          data-testid="why-prompt"
          style={{ left, top }}
          onClick={() => onAsk(n.id)}
        >
          {t('gain.why.title')}
        </button>
      )
    })
}
