import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { boardZones, NOTE_SIZE, TEMPLATE_BOUNDS, type NoteSnapshot } from '@sparboard/board-model'
import { SCENE_COLORS, sceneColorKey, type SceneColorKey } from '@sparboard/board-scene'
import { unionRects, type Viewport } from './viewport.js'

const W = 200
const H = 130

/**
 * The whole board small, with the part on screen outlined; click or drag to go there. Notes are
 * drawn once per change into a cached bitmap, so panning only redraws the outline.
 */
export function Minimap({
  notes,
  view,
  screen,
  onCenter,
}: {
  notes: readonly NoteSnapshot[]
  view: Viewport
  screen: { width: number; height: number }
  onCenter: (wx: number, wy: number) => void
}) {
  const { t } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  const cache = useRef<HTMLCanvasElement | null>(null)
  const bounds = unionRects([
    TEMPLATE_BOUNDS,
    ...(notes.length ? [unionRects(notes.map((n) => ({ x: n.x, y: n.y, ...NOTE_SIZE })))] : []),
  ])
  const k = Math.min(W / bounds.width, H / bounds.height)
  const ox = (W - bounds.width * k) / 2 - bounds.x * k
  const oy = (H - bounds.height * k) / 2 - bounds.y * k

  useEffect(() => {
    const c = (cache.current ??= document.createElement('canvas'))
    c.width = W
    c.height = H
    const g = c.getContext('2d')!
    g.clearRect(0, 0, W, H)
    for (const z of boardZones(notes)) {
      g.fillStyle = SCENE_COLORS[sceneColorKey(z)].zone
      g.fillRect(ox + z.x * k, oy + z.y * k, z.width * k, z.height * k)
    }
    for (const key of Object.keys(SCENE_COLORS) as SceneColorKey[]) {
      g.fillStyle = SCENE_COLORS[key].stroke
      for (const n of notes)
        if (sceneColorKey(n) === key)
          g.fillRect(
            ox + n.x * k,
            oy + n.y * k,
            Math.max(1.5, NOTE_SIZE.width * k),
            Math.max(1.5, NOTE_SIZE.height * k),
          )
    }
  }, [notes, k, ox, oy])

  useEffect(() => {
    const g = canvas.current?.getContext('2d')
    if (!g || !cache.current) return
    g.clearRect(0, 0, W, H)
    g.drawImage(cache.current, 0, 0)
    g.strokeStyle = '#2f6fdf'
    g.lineWidth = 1.5
    g.strokeRect(
      ox + (-view.x / view.scale) * k,
      oy + (-view.y / view.scale) * k,
      (screen.width / view.scale) * k,
      (screen.height / view.scale) * k,
    )
  })

  const go = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (e.buttons !== 1) return
    const r = e.currentTarget.getBoundingClientRect()
    onCenter((e.clientX - r.left - ox) / k, (e.clientY - r.top - oy) / k)
  }
  return (
    <canvas
      ref={canvas}
      className="minimap"
      width={W}
      height={H}
      role="img"
      aria-label={t('board.minimap')}
      data-testid="minimap"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId)
        go(e)
      }}
      onPointerMove={go}
    />
  )
}
