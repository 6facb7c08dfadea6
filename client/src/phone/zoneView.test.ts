import { describe, expect, it } from 'vitest'
import { NOTE_SIZE, ZONES } from '@sparboard/board-model'
import { NOTE_TEXT } from '@sparboard/board-scene'
import { READABLE_ZONE_SCALE, shownRect, spotInView, zoneView, type Screen } from './zoneView.js'

const PHONE: Screen = { width: 390, height: 640, top: 48, bottom: 64 }
const DESKTOP: Screen = { width: 1100, height: 700, top: 48, bottom: 64 }
const [sales, , , solutions] = ZONES as [
  (typeof ZONES)[0],
  (typeof ZONES)[0],
  (typeof ZONES)[0],
  (typeof ZONES)[0],
]

describe('zoom to zone', () => {
  it('[M3] shows a zone with its notes\u2019 text at 12 CSS px or more, on a phone and on a desktop', () => {
    for (const screen of [PHONE, DESKTOP])
      for (const zone of ZONES) {
        const view = zoneView(zone, [], screen)
        expect(NOTE_TEXT.font.size * view.scale).toBeGreaterThanOrEqual(12)
        expect(view.scale).toBeGreaterThanOrEqual(READABLE_ZONE_SCALE)
      }
  })

  it('[M3] a zone too wide for the screen shows from its notes, never past its edges', () => {
    const note = { x: solutions.x + 1200, y: solutions.y + 100, ...NOTE_SIZE }
    const view = zoneView(solutions, [note], PHONE)
    const shown = shownRect(view, PHONE)
    expect(shown.x).toBeLessThanOrEqual(note.x)
    expect(shown.x + shown.width).toBeGreaterThan(note.x + NOTE_SIZE.width / 2)
    expect(shown.x + shown.width).toBeLessThanOrEqual(solutions.x + solutions.width + 40)
    // without notes: from the zone's start
    expect(shownRect(zoneView(solutions, [], PHONE), PHONE).x).toBeLessThanOrEqual(solutions.x)
  })

  it('[M3] a zone that fits is shown whole and centred', () => {
    const view = zoneView(sales, [], DESKTOP)
    const shown = shownRect(view, DESKTOP)
    expect(shown.x).toBeLessThanOrEqual(sales.x)
    expect(shown.y).toBeLessThanOrEqual(sales.y)
    expect(shown.x + shown.width).toBeGreaterThanOrEqual(sales.x + sales.width)
    expect(shown.y + shown.height).toBeGreaterThanOrEqual(sales.y + sales.height)
  })

  it('[M3] a note added where the view is lands inside the zone and in view', () => {
    const view = zoneView(solutions, [], PHONE)
    const shown = shownRect(view, PHONE)
    const at = spotInView(solutions, shown)!
    expect(at.x).toBeGreaterThanOrEqual(Math.max(solutions.x, shown.x))
    expect(at.y).toBeGreaterThanOrEqual(Math.max(solutions.y, shown.y))
    expect(at.x + NOTE_SIZE.width).toBeLessThanOrEqual(shown.x + shown.width)
    expect(at.y + NOTE_SIZE.height).toBeLessThanOrEqual(solutions.y + solutions.height)
    // a zone out of view has no spot in view
    expect(spotInView(sales, { x: 5000, y: 5000, width: 400, height: 400 })).toBeNull()
  })
})
