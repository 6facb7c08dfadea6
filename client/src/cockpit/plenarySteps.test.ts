import { describe, expect, it } from 'vitest'
import { ZONES } from '@sparboard/board-model'
import { NOTE_TEXT } from '@sparboard/board-scene'
import { PLENARY_TEXT_PX, plenarySteps } from './plenarySteps.js'

/** The world rectangle a view shows on a screen of that size. */
const shownRect = (v: { x: number; y: number; scale: number }, w: number, h: number) => ({
  x: -v.x / v.scale,
  y: -v.y / v.scale,
  right: (w - v.x) / v.scale,
  bottom: (h - v.y) / v.scale,
})

describe('plenary steps', () => {
  it('[C37] shows every zone whole, part by part, with note text at least 16 CSS px', () => {
    for (const [w, h] of [
      [1366, 600],
      [1920, 900],
      [800, 500],
    ] as const) {
      const steps = plenarySteps(w, h)
      for (const s of steps)
        expect(NOTE_TEXT.font.size * s.view.scale).toBeGreaterThanOrEqual(PLENARY_TEXT_PX - 1e-9)
      expect(new Set(steps.map((s) => s.zone))).toEqual(new Set(ZONES.map((_, i) => i)))
      // a step shows its zone, not empty board beside it
      for (const s of steps) {
        const r = shownRect(s.view, w, h)
        const zone = ZONES[s.zone]!
        const overlap = Math.min(r.right, zone.x + zone.width) - Math.max(r.x, zone.x)
        expect(overlap, `${w}x${h} step of zone ${s.zone}`).toBeGreaterThanOrEqual(
          Math.min(zone.width, r.right - r.x) * 0.9,
        )
        // a zone narrower than the screen sits in its middle
        if (zone.width < r.right - r.x)
          expect((r.x + r.right) / 2).toBeCloseTo(zone.x + zone.width / 2, 0)
      }
      // every corner of every zone is on screen in some step of that zone
      ZONES.forEach((zone, i) => {
        const corners = [
          [zone.x + 1, zone.y + 1],
          [zone.x + zone.width - 1, zone.y + 1],
          [zone.x + 1, zone.y + zone.height - 1],
          [zone.x + zone.width - 1, zone.y + zone.height - 1],
        ]
        for (const [cx, cy] of corners)
          expect(
            steps
              .filter((s) => s.zone === i)
              .some((s) => {
                const r = shownRect(s.view, w, h)
                return cx! >= r.x && cx! <= r.right && cy! >= r.y && cy! <= r.bottom
              }),
            `${w}x${h} zone ${i}`,
          ).toBe(true)
      })
    }
  })
})
