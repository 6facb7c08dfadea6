import { useTranslation } from 'react-i18next'
import { NOTE_SIZE, ZONES, zoneAt, type Zone } from '@sparboard/board-model'
import { addNote } from '../commands/addNote.js'
import type { Commands } from '../commands/bindCommands.js'
import type { Camera } from '../canvas/useCamera.js'
import { READABLE_ZONE_SCALE, shownRect, spotInView, zoneView, type Screen } from './zoneView.js'

/** Room the chips take at the top of the canvas, and the toolbar at its bottom (CSS px). */
const CHIPS_SPACE = 48
const TOOLBAR_SPACE = 64

/**
 * [M3] A chip per zone over the canvas: its name brings the zone into view with text readable
 * (12 CSS px or more), its + adds a note in that zone where the view is. Works by tap alone.
 */
export function ZoneChips({
  camera,
  commands,
  zoneLabels,
  sides,
}: {
  camera: Camera
  commands: Commands
  zoneLabels: readonly string[]
  sides: readonly [string, string]
}) {
  const { t } = useTranslation()
  const { width, height } = camera
  const screen: Screen = { width, height, top: CHIPS_SPACE, bottom: TOOLBAR_SPACE }
  const canAdd = commands.isEnabled(addNote)
  const notes = commands.ctx.view.board.notes
  const inZone = (zone: Zone) =>
    notes
      .filter((n) => zoneAt(n.x + NOTE_SIZE.width / 2, n.y + NOTE_SIZE.height / 2) === zone)
      .map((n) => ({ x: n.x, y: n.y, ...NOTE_SIZE }))
  const show = (zone: Zone) => {
    const view = zoneView(zone, inZone(zone), screen)
    camera.setView(view)
    return view
  }
  const add = (zone: Zone) => {
    // Where the view is, if enough of the zone is in view at a readable size; else the zone
    // comes into view first.
    const readable = camera.view.scale >= READABLE_ZONE_SCALE - 1e-9
    const at =
      (readable ? spotInView(zone, shownRect(camera.view, screen)) : null) ??
      spotInView(zone, shownRect(show(zone), screen))
    if (at) commands.run(addNote, at)
  }
  if (width === 0) return null
  return (
    <nav className="zone-chips" aria-label={t('phone.zones')} data-testid="zone-chips">
      {ZONES.map((zone, i) => {
        const label = zoneLabels[i] ?? ''
        // Interests go by their side's name alone: four chips fit a phone's width.
        const short = zone.category === 'interest' && zone.side !== null ? sides[zone.side] : label
        return (
          <span key={i} className={`zone-chip zone-chip-${i}`}>
            <button
              type="button"
              aria-label={t('phone.zoomTo', { zone: label })}
              title={t('phone.zoomTo', { zone: label })}
              onClick={() => show(zone)}
            >
              {short}
            </button>
            {canAdd && (
              <button
                type="button"
                className="zone-chip-add"
                aria-label={t('phone.addTo', { zone: label })}
                title={t('phone.addTo', { zone: label })}
                onClick={() => add(zone)}
              >
                +
              </button>
            )}
          </span>
        )
      })}
    </nav>
  )
}
