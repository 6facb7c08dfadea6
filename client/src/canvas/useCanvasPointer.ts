import {
  useEffect,
  useRef,
  useState,
  type MouseEvent,
  type PointerEvent,
  type RefObject,
} from 'react'
import type { NoteId, NoteSnapshot, Rect } from '@sparboard/board-model'
import type { SpatialIndex } from './SpatialIndex.js'
import { toWorld, zoomAt, type Viewport } from './viewport.js'

export type NoteBox = Rect & { readonly note: NoteSnapshot }

/** A drag in progress: which notes, and how far they have moved (world units). */
export interface DragState {
  readonly ids: readonly NoteId[]
  readonly dx: number
  readonly dy: number
}

export interface PointerContext {
  readonly view: Viewport
  readonly index: SpatialIndex<NoteBox>
  readonly selected: ReadonlySet<NoteId>
  readonly canWrite: boolean
  /** Space is held down: a drag pans. */
  readonly panKey: RefObject<boolean>
  setView(update: (v: Viewport) => Viewport): void
  setSelected(ids: ReadonlySet<NoteId>): void
  /** A press on a note's vote badge; true when it was taken as a vote. */
  onBadge(note: NoteSnapshot, wx: number, wy: number, retract: boolean): boolean
  /** The mouse, no button down, over a note (or over none): for the tips of badge and marker. */
  onHover(note: NoteSnapshot | null, wx: number, wy: number): void
  onDrop(drag: DragState): void
  /** A right-click or a long press on a note, at a point of the window: its context menu. */
  onMenu(note: NoteSnapshot, clientX: number, clientY: number): void
  onCursor(world: { x: number; y: number } | null): void
  onDragMove(drag: DragState | null): void
}

type Mode =
  | { kind: 'idle' }
  | { kind: 'pan'; lastX: number; lastY: number }
  | { kind: 'pinch'; distance: number; midX: number; midY: number }
  | {
      kind: 'drag'
      startX: number
      startY: number
      ids: NoteId[]
      moved: boolean
      /** A plain click on one of several selected notes selects just it, if nothing moved. */
      narrowTo: NoteId | null
    }
  | { kind: 'band'; startX: number; startY: number; base: ReadonlySet<NoteId> }

const DRAG_THRESHOLD_PX = 3
/** A finger held this long on a note, without moving, opens its menu. */
export const LONG_PRESS_MS = 500
/** How far a held finger may wander (px) and still be a long press. */
const LONG_PRESS_SLOP_PX = 10

/** Controls over the canvas (editor, zoom button, minimap) handle their own pointer. */
export const isControl = (target: EventTarget) =>
  target instanceof Element && !!target.closest('textarea, button, input, .minimap')

/**
 * Pointer input on the canvas: select (click, shift-click, rubber band), drag notes, pan (space,
 * middle button, touch), pinch-zoom, and a note's menu (right-click, long press). Hits come from
 * the spatial index, not from Konva.
 */
export function useCanvasPointer(
  container: RefObject<HTMLDivElement | null>,
  ctxRef: RefObject<PointerContext>,
) {
  const [drag, setDrag] = useState<DragState | null>(null)
  const [band, setBand] = useState<Rect | null>(null)
  const mode = useRef<Mode>({ kind: 'idle' })
  const pointers = useRef(new Map<number, { x: number; y: number }>())
  const press = useRef<{ timer: number; x: number; y: number } | null>(null)
  const pressOpened = useRef(false)
  const cancelPress = () => {
    if (press.current) clearTimeout(press.current.timer)
    press.current = null
  }
  useEffect(() => () => clearTimeout(press.current?.timer), [])

  const local = (e: PointerEvent) => {
    const r = container.current!.getBoundingClientRect()
    return { x: e.clientX - r.left, y: e.clientY - r.top }
  }

  const startPinch = () => {
    cancelPress()
    const [a, b] = [...pointers.current.values()] as [
      { x: number; y: number },
      { x: number; y: number },
    ]
    mode.current = {
      kind: 'pinch',
      distance: Math.hypot(a.x - b.x, a.y - b.y),
      midX: (a.x + b.x) / 2,
      midY: (a.y + b.y) / 2,
    }
    setDrag(null)
    setBand(null)
  }

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    pressOpened.current = false
    if (isControl(e.target)) return
    const ctx = ctxRef.current
    const p = local(e)
    container.current?.setPointerCapture(e.pointerId)
    pointers.current.set(e.pointerId, p)
    if (pointers.current.size === 2) return startPinch()
    const w = toWorld(ctx.view, p.x, p.y)
    const hit = ctx.index.at(w.x, w.y)?.note
    if (e.button === 1 || ctx.panKey.current || (e.pointerType === 'touch' && !hit)) {
      mode.current = { kind: 'pan', lastX: p.x, lastY: p.y }
      return
    }
    if (e.button !== 0) return
    if (hit) {
      if (ctx.onBadge(hit, w.x, w.y, e.altKey)) return
      let next = ctx.selected
      if (e.shiftKey) {
        next = new Set(ctx.selected)
        if (next.has(hit.id)) (next as Set<NoteId>).delete(hit.id)
        else (next as Set<NoteId>).add(hit.id)
      } else if (!ctx.selected.has(hit.id)) {
        next = new Set([hit.id])
      }
      ctx.setSelected(next)
      const ids = ctx.canWrite && next.has(hit.id) ? [...next] : []
      const narrowTo = !e.shiftKey && next.size > 1 ? hit.id : null
      mode.current = { kind: 'drag', startX: p.x, startY: p.y, ids, moved: false, narrowTo }
      if (e.pointerType === 'touch') {
        const { clientX, clientY } = e
        const timer = window.setTimeout(() => {
          press.current = null
          pressOpened.current = true
          mode.current = { kind: 'idle' }
          setDrag(null)
          ctxRef.current.onMenu(hit, clientX, clientY)
        }, LONG_PRESS_MS)
        press.current = { timer, x: p.x, y: p.y }
      }
    } else {
      const base = e.shiftKey ? ctx.selected : new Set<NoteId>()
      if (!e.shiftKey && ctx.selected.size > 0) ctx.setSelected(base)
      mode.current = { kind: 'band', startX: p.x, startY: p.y, base }
    }
  }

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const ctx = ctxRef.current
    const p = local(e)
    const w = toWorld(ctx.view, p.x, p.y)
    ctx.onCursor(w)
    if (!pointers.current.has(e.pointerId)) {
      const over = e.pointerType === 'mouse' ? ctx.index.at(w.x, w.y)?.note : undefined
      ctx.onHover(over ?? null, w.x, w.y)
      container.current!.style.cursor = ctx.panKey.current
        ? 'grab'
        : ctx.canWrite && over
          ? 'move'
          : ''
      return
    }
    pointers.current.set(e.pointerId, p)
    const held = press.current
    if (held && Math.hypot(p.x - held.x, p.y - held.y) > LONG_PRESS_SLOP_PX) cancelPress()
    const m = mode.current
    if (m.kind === 'pan') {
      const dx = p.x - m.lastX
      const dy = p.y - m.lastY
      mode.current = { ...m, lastX: p.x, lastY: p.y }
      ctx.setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }))
    } else if (m.kind === 'pinch' && pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()] as [
        { x: number; y: number },
        { x: number; y: number },
      ]
      const distance = Math.hypot(a.x - b.x, a.y - b.y)
      const midX = (a.x + b.x) / 2
      const midY = (a.y + b.y) / 2
      const factor = distance / Math.max(1, m.distance)
      ctx.setView((v) => {
        const moved = { ...v, x: v.x + midX - m.midX, y: v.y + midY - m.midY }
        return zoomAt(moved, midX, midY, factor)
      })
      mode.current = { kind: 'pinch', distance, midX, midY }
    } else if (m.kind === 'drag' && m.ids.length > 0) {
      if (!m.moved && Math.hypot(p.x - m.startX, p.y - m.startY) < DRAG_THRESHOLD_PX) return
      // A finger on a note drags it once it has moved clearly; a little wobble is a long press.
      if (!m.moved && press.current) return
      m.moved = true
      const next = {
        ids: m.ids,
        dx: (p.x - m.startX) / ctx.view.scale,
        dy: (p.y - m.startY) / ctx.view.scale,
      }
      setDrag(next)
      ctx.onDragMove(next)
    } else if (m.kind === 'band') {
      const a = toWorld(ctx.view, m.startX, m.startY)
      const b = toWorld(ctx.view, p.x, p.y)
      const rect = {
        x: Math.min(a.x, b.x),
        y: Math.min(a.y, b.y),
        width: Math.abs(a.x - b.x),
        height: Math.abs(a.y - b.y),
      }
      setBand(rect)
      const inside = ctx.index
        .query(rect)
        .filter(
          (i) =>
            i.x >= rect.x &&
            i.y >= rect.y &&
            i.x + i.width <= rect.x + rect.width &&
            i.y + i.height <= rect.y + rect.height,
        )
      const next = new Set([...m.base, ...inside.map((i) => i.note.id)])
      const same = next.size === ctx.selected.size && [...next].every((id) => ctx.selected.has(id))
      if (!same) ctx.setSelected(next)
    }
  }

  const end = (e: PointerEvent<HTMLDivElement>) => {
    cancelPress()
    pointers.current.delete(e.pointerId)
    const m = mode.current
    const ctx = ctxRef.current
    if (m.kind === 'drag' && m.moved) {
      const p = local(e)
      const final = {
        ids: m.ids,
        dx: (p.x - m.startX) / ctx.view.scale,
        dy: (p.y - m.startY) / ctx.view.scale,
      }
      ctx.onDrop(final)
      ctx.onDragMove(null)
    } else if (m.kind === 'drag' && m.narrowTo) {
      ctx.setSelected(new Set([m.narrowTo]))
    }
    setDrag(null)
    setBand(null)
    mode.current =
      pointers.current.size === 1
        ? (() => {
            const [q] = [...pointers.current.values()] as [{ x: number; y: number }]
            return { kind: 'pan', lastX: q.x, lastY: q.y }
          })()
        : { kind: 'idle' }
  }

  // The browser's own menu on a note gives way to the note's (a touch browser may also send this
  // for the long press that already opened it).
  const onContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    if (isControl(e.target)) return
    const ctx = ctxRef.current
    const r = container.current!.getBoundingClientRect()
    const w = toWorld(ctx.view, e.clientX - r.left, e.clientY - r.top)
    const hit = ctx.index.at(w.x, w.y)?.note
    if (!hit) return
    e.preventDefault()
    if (!pressOpened.current) ctx.onMenu(hit, e.clientX, e.clientY)
    pressOpened.current = false
  }

  return {
    drag,
    band,
    handlers: {
      onContextMenu,
      onPointerDown,
      onPointerMove,
      onPointerUp: end,
      onPointerCancel: end,
      onPointerLeave: () => {
        ctxRef.current.onCursor(null)
        ctxRef.current.onHover(null, 0, 0)
      },
    },
  }
}
