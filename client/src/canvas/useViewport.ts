import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { TEMPLATE_BOUNDS, type Rect } from '@sparboard/board-model'
import { useWheelZoom } from './useWheelZoom.js'
import { fitViewport, unionRects, type Viewport } from './viewport.js'

/** Room kept free at the bottom for the toolbar when fitting. */
const TOOLBAR_SPACE = 64

/**
 * The part of the board on screen: wheel and ctrl+wheel move it, `fit` shows the template and
 * every note; it fits once, as soon as the canvas has a size.
 */
export function useViewport(
  container: RefObject<HTMLDivElement | null>,
  items: readonly Rect[],
  width: number,
  height: number,
) {
  const [view, setView] = useState<Viewport>({ x: 0, y: 0, scale: 0.4 })
  const viewRef = useRef(view)
  viewRef.current = view
  const fit = useCallback(() => {
    if (width === 0 || height === 0) return
    setView(fitViewport(unionRects([TEMPLATE_BOUNDS, ...items]), width, height - TOOLBAR_SPACE))
  }, [items, width, height])
  const fitted = useRef(false)
  useEffect(() => {
    if (!fitted.current && width > 0) {
      fitted.current = true
      fit()
    }
  }, [fit, width])
  useWheelZoom(container, setView)
  return { view, setView, viewRef, fit }
}
