import { useEffect } from 'react'
import { zoomAt, type Viewport } from './viewport.js'

/**
 * Wheel pans, ctrl/cmd+wheel (and a trackpad pinch, which the browser reports as one) zooms at
 * the pointer. A native listener: React's wheel handler is passive and cannot stop page zoom.
 */
export function useWheelZoom(
  el: HTMLElement | null,
  setView: (update: (v: Viewport) => Viewport) => void,
) {
  useEffect(() => {
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const r = el.getBoundingClientRect()
      const line = e.deltaMode === 1 ? 16 : 1
      if (e.ctrlKey || e.metaKey) {
        const factor = Math.exp(-e.deltaY * line * 0.01)
        setView((v) => zoomAt(v, e.clientX - r.left, e.clientY - r.top, factor))
      } else {
        const dx = (e.shiftKey ? e.deltaY : e.deltaX) * line
        const dy = (e.shiftKey ? 0 : e.deltaY) * line
        setView((v) => ({ ...v, x: v.x - dx, y: v.y - dy }))
      }
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [el, setView])
}
