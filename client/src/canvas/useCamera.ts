import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { NOTE_SIZE, TEMPLATE_BOUNDS, type NoteSnapshot, type Rect } from '@sparboard/board-model'
import { useElementSize } from './useElementSize.js'
import { useWheelZoom } from './useWheelZoom.js'
import {
  fitViewport,
  followViewport,
  toWorld,
  unionRects,
  zoomAt,
  type Viewport,
} from './viewport.js'

/** Room kept free at the bottom for the toolbar when fitting. */
const TOOLBAR_SPACE = 64
/** Zoomed out further than this, a note shown from the outline is zoomed in to be read. */
const READABLE_SCALE = 0.8

type Point = { readonly x: number; readonly y: number }

/** The part of the board on screen, and what moves it: the page's commands and the canvas. */
export interface Camera {
  /** The canvas' element: measured, and wheel-zoomed. Give it as the element's `ref`. */
  readonly attach: (element: HTMLDivElement | null) => void
  readonly element: HTMLDivElement | null
  readonly width: number
  readonly height: number
  readonly view: Viewport
  /** The view as of the last render, for handlers that outlive it. */
  readonly viewRef: RefObject<Viewport>
  setView(update: Viewport | ((v: Viewport) => Viewport)): void
  /** Zooms by a factor about the middle of the screen. */
  zoomBy(factor: number): void
  /** Shows the template and every note. */
  fit(): void
  /** The board point in the middle of the screen. */
  centre(): Point
  /** Brings a rectangle (a note) to the middle of the screen, zoomed in to readable size. */
  show(rect: Rect): void
  /** Moves the view as little as brings a rectangle on screen (what was just moved or added). */
  follow(rect: Rect): void
  /** Where a board point is in the window. */
  toClient(x: number, y: number): Point
  /** Space is held down: a drag pans rather than selects. */
  readonly panKey: RefObject<boolean>
}

/**
 * The camera over a board's notes: wheel and ctrl+wheel move it, `fit` shows the template and
 * every note; it fits once, as soon as the canvas has a size.
 */
export function useCamera(notes: readonly NoteSnapshot[]): Camera {
  const [element, attach] = useState<HTMLDivElement | null>(null)
  const { width, height } = useElementSize(element)
  const [view, setView] = useState<Viewport>({ x: 0, y: 0, scale: 0.4 })
  const viewRef = useRef(view)
  viewRef.current = view
  const panKey = useRef(false)
  const fit = useCallback(() => {
    if (width === 0 || height === 0) return
    const boxes = notes.map((n) => ({ x: n.x, y: n.y, ...NOTE_SIZE }))
    setView(fitViewport(unionRects([TEMPLATE_BOUNDS, ...boxes]), width, height - TOOLBAR_SPACE))
  }, [notes, width, height])
  const fitted = useRef(false)
  useEffect(() => {
    if (!fitted.current && width > 0) {
      fitted.current = true
      fit()
    }
  }, [fit, width])
  useWheelZoom(element, setView)
  return useMemo(
    () => ({
      attach,
      element,
      width,
      height,
      view,
      viewRef,
      setView,
      zoomBy: (factor) => setView((v) => zoomAt(v, width / 2, height / 2, factor)),
      fit,
      centre: () => toWorld(view, width / 2, height / 2),
      show(rect) {
        const scale = Math.max(view.scale, READABLE_SCALE)
        const cx = rect.x + rect.width / 2
        const cy = rect.y + rect.height / 2
        setView({ scale, x: width / 2 - cx * scale, y: height / 2 - cy * scale })
      },
      follow(rect) {
        if (width > 0 && height > 0) setView((v) => followViewport(v, rect, width, height))
      },
      toClient(x, y) {
        const box = element?.getBoundingClientRect() ?? { left: 0, top: 0 }
        return { x: box.left + view.x + x * view.scale, y: box.top + view.y + y * view.scale }
      },
      panKey,
    }),
    [element, width, height, view, fit],
  )
}
